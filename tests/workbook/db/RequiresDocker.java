package workbook.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class only where a Docker engine answers; elsewhere it is reported skipped, with where the probe looked. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

    /** The probe runs once per test JVM: it takes up to two seconds when no engine is there. */
    final class Condition implements ExecutionCondition {
        private static DockerEngine.Probe probe;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            synchronized (Condition.class) {
                if (probe == null) {
                    probe = DockerEngine.find(DockerEngine.PROBE_TIMEOUT);
                }
            }
            return probe.engine().isPresent()
                    ? ConditionEvaluationResult.enabled("a Docker engine answers at " + probe.tried())
                    : ConditionEvaluationResult.disabled("skipped: no Docker engine answers (" + probe.tried() + ")");
        }
    }
}
