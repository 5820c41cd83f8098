package workbook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes seconds, not milliseconds: it launches ./jbang, starts JVMs, servers or containers
 * of its own, drives a pseudo-terminal, or grades or runs whole lessons. {@code mvn -B test -Pquick} leaves
 * these out (the everyday loop); {@code mvn -B verify} runs them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
