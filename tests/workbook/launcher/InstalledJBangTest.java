package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.Slow;

/**
 * With JBang installed (a `jbang` on PATH), the launcher uses that JBang instead of fetching its own,
 * and the catalog works through JBang's own alias lookup too (`jbang probe` from the checkout).
 */
@Slow
class InstalledJBangTest {
    @TempDir
    Path dir;
    LauncherCheckout checkout;
    Path install;

    @BeforeEach
    void installFakeJBang() throws IOException {
        checkout = LauncherCheckout.create(dir.resolve("checkout"));
        install = dir.resolve("jbang-install/bin");
        Files.createDirectories(install);
        Files.copy(LauncherCheckout.sharedJBangJar(), install.resolve("jbang.jar"));
        // the real launcher's core: run the jar, exec what it prints on 255, else pass its output on
        FakeTools.script(install.resolve("jbang"), """
                #!/usr/bin/env bash
                echo "$*" >> "$(dirname "$0")/calls.log"
                output=$(java -cp "$(dirname "$0")/jbang.jar" dev.jbang.Main "$@")
                code=$?
                [ $code -eq 255 ] && eval "exec $output"
                [ -n "$output" ] && echo "$output"
                exit $code
                """);
        checkout.env.put("PATH", install + ":" + System.getenv("PATH"));
        checkout.env.put("WORKBOOK_CACHE_DIR", dir.resolve("never-used").toString());
    }

    @Test
    void launcherRunsTheInstalledJBangsJarAndFetchesNothing() {
        LaunchResult first = checkout.run("probe", "echo", "x");
        LaunchResult second = checkout.run("probe", "echo", "x");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("args=<fixed><echo><x>");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.wentThroughJBang()).isFalse();
        assertThat(dir.resolve("never-used")).doesNotExist();
    }

    @Test
    void anInstalledJBangWithoutAJarRunsByItself() throws IOException {
        Files.delete(install.resolve("jbang.jar"));
        FakeTools.script(install.resolve("jbang"), "#!/usr/bin/env bash\necho \"installed jbang got: $*\"\nexit 7\n");

        LaunchResult result = checkout.run("probe", "two words");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("installed jbang got: probe two words\n");
    }

    @Test
    void installedJBangFindsTheCatalogAliasFromTheCheckout() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(install.resolve("jbang").toString(), "probe", "echo", "a b")
                .directory(checkout.root.toFile());
        builder.environment().putAll(checkout.env);
        builder.environment().put("JBANG_NO_VERSION_CHECK", "true");
        LaunchResult result = LaunchResult.await(builder.start(), 180);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("marker=one", "args=<fixed><echo><a b>");
    }
}
