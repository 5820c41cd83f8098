package workbook.grading.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import workbook.WorkbookHome;
import workbook.checker.sandbox.SandboxLimits;
import workbook.checker.task.TaskSet;
import workbook.db.ConnectionInfo;
import workbook.db.DockerEngine;
import workbook.db.ServerAdmin;
import workbook.grading.GradingProgress;
import workbook.grading.GradingRun;
import workbook.grading.SubmissionsFolder;

/**
 * The naive way, for comparison: what a container-per-job autograder does. Each submission gets a fresh
 * postgres:14 container (start, wait until it answers, build the lesson's state, grade, remove it), one
 * after another; graded by the very same pipeline, so only the isolation strategy differs.
 */
final class NaiveContainerGrading {
    private static final String IMAGE = "postgres:14";
    private static final ExposedPort POSTGRES = ExposedPort.tcp(5432);

    private NaiveContainerGrading() {
    }

    /** Seconds each of the first {@code sample} submissions took, container start to removal. */
    static double[] measure(DockerEngine engine, WorkbookHome home, TaskSet set, SubmissionsFolder folder, Path out, int sample)
            throws IOException {
        DockerClient docker = engine.client();
        docker.inspectImageCmd(IMAGE).exec(); // no download in a benchmark: NotFoundException says so
        List<SubmissionsFolder.Entry> entries = folder.entries().subList(0, Math.min(sample, folder.entries().size()));
        double[] seconds = new double[entries.size()];
        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 1);
        for (int i = 0; i < entries.size(); i++) {
            long started = System.nanoTime();
            String id = docker.createContainerCmd(IMAGE)
                    .withEnv("POSTGRES_USER=" + ConnectionInfo.LESSON_USER, "POSTGRES_PASSWORD=" + ConnectionInfo.LESSON_PASSWORD,
                            "POSTGRES_DB=" + ConnectionInfo.LESSON_DATABASE)
                    .withExposedPorts(POSTGRES)
                    .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), POSTGRES)))
                    .withLabels(Map.of("dev.crmworkbook.role", "grading-benchmark"))
                    .exec().getId();
            try {
                docker.startContainerCmd(id).exec();
                Ports.Binding[] bound = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings().get(POSTGRES);
                ConnectionInfo info = ConnectionInfo.lesson(engine.publishedHost(), Integer.parseInt(bound[0].getHostPortSpec()));
                SQLException failure = ServerAdmin.waitUntilAnswers(info, Duration.ofSeconds(120),
                        () -> Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning()));
                if (failure != null) {
                    throw new IOException("the container did not answer: " + failure.getMessage(), failure);
                }
                SubmissionsFolder one = new SubmissionsFolder(folder.folder(), List.of(entries.get(i)), List.of(), List.of());
                GradingRun.grade(home, set, info, one, out, new GradingRun.Settings(1, SandboxLimits.forOverall(Duration.ofSeconds(30)), true), quiet);
            } finally {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            }
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        return seconds;
    }
}
