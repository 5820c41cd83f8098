package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/**
 * A name the catalog does not know gets one line naming what there is, exit 2, before JBang or Java
 * start; a bare ./jbang shows the course map and the commands through the progress command.
 */
@Slow
class UnknownCommandTest {
    @TempDir
    static Path dir;
    static LauncherCheckout checkout;
    static Path javaCalls;

    @BeforeAll
    static void checkoutWithJavaWatched() throws IOException {
        checkout = LauncherCheckout.create(dir.resolve("checkout"));
        Path bin = dir.resolve("bin");
        javaCalls = dir.resolve("java-calls.log");
        // a java and a jbang that only say they were started, first on PATH
        for (String tool : new String[] {"java", "jbang"}) {
            FakeTools.script(bin.resolve(tool), "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> " + javaCalls + "\nexit 99\n");
        }
        checkout.env.put("PATH", bin + ":" + System.getenv("PATH"));
        checkout.env.put("JAVA_HOME", dir.resolve("no-jdk").toString());
    }

    @Test
    void aTypoGetsOneLineWithTheNearestNameAndExitTwoWithoutJava() {
        LaunchResult typo = checkout.run("chek", "lesson3");

        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
        assertThat(typo.stdout()).isEmpty();
        assertThat(typo.stderr().lines()).as(typo.toString()).singleElement().asString()
                .startsWith("./jbang: no command `chek`. Did you mean `check`?")
                .contains("Lessons and labs: lesson3, lesson3-acid, lesson3-indexes, lesson3-ids, lesson3-updated-at")
                .contains("commands: probe, db, check, hint, solution, reset, progress, grade, validate, repl");
        assertThat(Files.exists(javaCalls)).as("neither java nor jbang started").isFalse();
    }

    @Test
    void aLessonThatDoesNotExistNamesTheLessons() {
        LaunchResult lesson9 = checkout.run("lesson9");

        assertThat(lesson9.exitCode()).isEqualTo(2);
        assertThat(lesson9.stderr()).contains("no command `lesson9`. Did you mean `lesson3`?").doesNotContain("[jbang]");
        assertThat(Files.exists(javaCalls)).isFalse();
    }

    @Test
    void theLauncherLetsThroughExactlyJBangsOwnCommands() throws IOException {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^JBANG_COMMANDS=\" (.*) \"$")
                .matcher(Files.readString(LauncherCheckout.REPO.resolve("jbang")));
        assertThat(line.find()).isTrue();
        assertThat(java.util.Set.of(line.group(1).split(" "))).isEqualTo(CatalogHealthTest.JBANG_COMMANDS);
    }

    @Test
    void farFromEveryNameThereIsNoGuess() {
        LaunchResult far = checkout.run("completely-different");
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.stderr()).contains("no command `completely-different`. Lessons and labs:").doesNotContain("Did you mean");
    }
}
