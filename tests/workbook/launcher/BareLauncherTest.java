package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/** ./jbang with no arguments: the progress map and the commands, and names that are files or JBang's still pass through. */
@Slow
class BareLauncherTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsShowsTheCourseMapAndEveryCommandThroughTheLaunchCache() throws IOException {
        LauncherCheckout checkout = LauncherCheckout.create(dir.resolve("checkout"));
        workbook.FileTrees.copyTree(LauncherCheckout.REPO.resolve("exercises"), checkout.root.resolve("exercises"));

        LaunchResult first = checkout.run();
        LaunchResult second = checkout.run();

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("Lesson and labs", "lesson3-acid", "Exercises lesson3", "Next: `./jbang lesson3`", "Commands")
                .containsPattern("\\./jbang progress +The course at a glance");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.wentThroughJBang()).as("the second run reuses the saved command").isFalse();
    }

    @Test
    void anExistingFileNamedLikeAnAliasStillGoesToJBang() throws IOException {
        LauncherCheckout checkout = LauncherCheckout.create(dir.resolve("checkout"));
        checkout.write("hello", "///usr/bin/env jbang\nclass hello { public static void main(String... a) { System.out.println(\"hello ran\"); } }\n");

        LaunchResult hello = checkout.run("hello");

        assertThat(hello.stderr()).doesNotContain("no command");
    }
}
