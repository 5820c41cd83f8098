package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/**
 * A machine without JBang: the first run fetches JBang through Maven into the per-user cache, later
 * runs never call Maven again. Maven resolves the jar as it always does, so on a machine whose
 * ~/.m2 already holds it the download is a copy; set -Dlauncher.cleanMavenRepo=true to fetch
 * through an empty Maven repository instead (the real first-run path, slow).
 */
@Slow
class LauncherBootstrapTest {
    @TempDir
    Path dir;

    @Test
    void firstRunFetchesJBangThroughMavenAndLaterRunsNeverCallMaven() throws Exception {
        LauncherCheckout checkout = LauncherCheckout.create(dir.resolve("checkout"));
        Path cache = dir.resolve("cache");
        Path mavenLog = dir.resolve("maven-calls.log");
        String extra = Boolean.getBoolean("launcher.cleanMavenRepo") ? "-Dmaven.repo.local=" + dir.resolve("m2") : "";
        Path bin = FakeTools.loggingMaven(dir.resolve("bin"), mavenLog, FakeTools.which("mvn"), extra);
        checkout.env.put("PATH", bin + ":" + System.getenv("PATH"));
        checkout.env.put("WORKBOOK_CACHE_DIR", cache.toString());

        LaunchResult first = checkout.run("probe", "echo", "first");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).contains("fetching JBang 0.132.1 from Maven Central", "JBang 0.132.1 ready after");
        assertThat(first.stdout()).contains("args=<fixed><echo><first>");
        assertThat(cache.resolve("jbang-0.132.1/jbang-cli-0.132.1-all.jar")).isRegularFile();
        // JBang's own JVM dumped its class-data archive on that run, without a word on the terminal
        assertThat(cache.resolve("archives")).isDirectoryContaining("glob:**/jbang-*.jsa")
                .isDirectoryNotContaining("glob:**/*.tmp");
        assertThat(first.stdout() + first.stderr()).doesNotContain("[warning]");
        assertThat(Files.readAllLines(mavenLog)).singleElement().asString().contains("-Dartifact=dev.jbang:jbang-cli:0.132.1:jar:all");

        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "0");  // so JBang itself is needed again
        LaunchResult second = checkout.run("probe", "echo", "second");
        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "1");
        LaunchResult third = checkout.run("version");

        assertThat(second.stdout()).as(second.toString()).contains("args=<fixed><echo><second>");
        assertThat(second.stderr()).doesNotContain("fetching JBang");
        assertThat(third.stdout()).contains("0.132.1");
        assertThat(Files.readAllLines(mavenLog)).hasSize(1);
        assertThat(cache).isDirectoryNotContaining("glob:**/.download.*");
    }

    @Test
    void mavenFailingGivesOneClearLineAndTheEnvironmentExitCode() throws IOException {
        LauncherCheckout checkout = LauncherCheckout.create(dir.resolve("checkout"));
        checkout.env.put("PATH", FakeTools.failingMaven(dir.resolve("bin")) + ":" + System.getenv("PATH"));
        checkout.env.put("WORKBOOK_CACHE_DIR", dir.resolve("cache").toString());

        LaunchResult result = checkout.run("probe");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("simulated: Maven cannot reach Maven Central")
                .contains("./jbang: Maven could not fetch dev.jbang:jbang-cli:0.132.1:jar:all (see above). Check the network");
        assertThat(result.stdout()).isEmpty();
        assertThat(dir.resolve("cache")).isDirectoryNotContaining("glob:**/.download.*");
    }
}
