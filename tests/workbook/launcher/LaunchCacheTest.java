package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.FileTrees;
import workbook.Slow;

/**
 * The launcher's reuse of the command JBang resolved: a warm run skips JBang, and any change to what
 * the command was built from (a source, a template, a //DEPS line, the catalog, JBang's build cache) goes back
 * through JBang, so stale code never runs.
 */
@Slow
class LaunchCacheTest {
    @TempDir
    Path dir;
    LauncherCheckout checkout;

    @BeforeEach
    void copyCheckout() throws IOException {
        checkout = LauncherCheckout.create(dir.resolve("checkout"));
    }

    @Test
    void secondRunReusesTheCommandWithoutNeedingJBang() throws IOException {
        LaunchResult first = checkout.run("probe", "echo", "x");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.wentThroughJBang()).as(first.toString()).isTrue();
        assertThat(checkout.savedLaunch("probe")).contains("Probe");

        // no JBang jar to be found and a Maven that fails: only a reused command can still run
        checkout.env.put("WORKBOOK_CACHE_DIR", Files.createDirectories(dir.resolve("empty-cache")).toString());
        checkout.env.put("PATH", FakeTools.failingMaven(dir.resolve("bin")) + ":" + System.getenv("PATH"));
        LaunchResult second = checkout.run("probe", "echo", "x");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.wentThroughJBang()).isFalse();
        assertThat(second.stdout()).isEqualTo(first.stdout()).contains("marker=one", "args=<fixed><echo><x>");
        assertThat(dir.resolve("empty-cache")).isEmptyDirectory();
    }

    @Test
    void editingAnIncludedSourceShowsOnTheVeryNextRun() throws IOException {
        assertThat(checkout.run("probe").stdout()).contains("marker=one");
        assertThat(checkout.run("probe").wentThroughJBang()).isFalse();

        checkout.setMarker("two");
        LaunchResult edited = checkout.run("probe");

        assertThat(edited.stdout()).as(edited.toString()).contains("marker=two");
        assertThat(edited.wentThroughJBang()).isTrue();
        LaunchResult again = checkout.run("probe");
        assertThat(again.stdout()).contains("marker=two");
        assertThat(again.wentThroughJBang()).isFalse();
    }

    @Test
    void editingADepsLineRebuildsWithTheNewDependency() throws IOException {
        assertThat(checkout.run("probe", "classpath").stdout()).contains("picocli=false");

        checkout.edit("runtime/workbook/probe/ProbeMarker.java", "package workbook.probe;",
                "//DEPS info.picocli:picocli:4.7.7\npackage workbook.probe;");
        LaunchResult edited = checkout.run("probe", "classpath");

        assertThat(edited.stdout()).as(edited.toString()).contains("picocli=true");
        assertThat(edited.wentThroughJBang()).isTrue();
    }

    @Test
    void editingATemplateTheJarCarriesShowsOnTheVeryNextRun() throws IOException {
        assertThat(checkout.run("probe", "template").stdout()).contains("template=one");
        assertThat(checkout.run("probe", "template").wentThroughJBang()).isFalse();

        checkout.write("runtime/workbook/probe/probe.jte", "template=two\n");
        LaunchResult edited = checkout.run("probe", "template");

        assertThat(edited.stdout()).as(edited.toString()).contains("template=two");
        assertThat(edited.wentThroughJBang()).isTrue();
    }

    @Test
    void editingTheCatalogRebuilds() throws IOException {
        assertThat(checkout.run("probe").stdout()).contains("args=<fixed>");

        checkout.edit("jbang-catalog.json", "\"arguments\": [\"fixed\"]", "\"arguments\": [\"changed\", \"by the catalog\"]");
        LaunchResult edited = checkout.run("probe");

        assertThat(edited.stdout()).as(edited.toString()).contains("args=<changed><by the catalog>");
        assertThat(edited.wentThroughJBang()).isTrue();
    }

    @Test
    void aClearedBuildCacheIsNotReused() throws IOException {
        checkout.env.put("JBANG_DIR", LauncherCheckout.jbangDir(dir.resolve("own-jbang")).toString());
        assertThat(checkout.run("probe").exitCode()).isZero();

        FileTrees.deleteTree(dir.resolve("own-jbang/cache/jars"));
        LaunchResult after = checkout.run("probe");

        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.wentThroughJBang()).isTrue();
        assertThat(after.stdout()).contains("marker=one");
    }

    @Test
    void theRunAfterTheArchiveDumpMapsItAndAMissingArchiveIsNotReused() throws IOException {
        LaunchResult dump = checkout.run("probe");
        Path archive = checkout.savedArchive("probe");
        assertThat(dump.stdout() + dump.stderr()).doesNotContain("[warning]");
        assertThat(archive).isRegularFile();
        assertThat(checkout.run("probe").wentThroughJBang()).isFalse();

        Files.delete(archive);  // as when the dumping run was cut short
        LaunchResult after = checkout.run("probe");

        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.wentThroughJBang()).isTrue();
        assertThat(after.stdout() + after.stderr()).doesNotContain("[warning]");
    }

    /**
     * The first reused run of a build lists the classes it loads; when it did its work (exit 0 or 1, not --help:
     * it says so, as ClassListing does), the next run has a static archive of them dumped behind it, and the
     * runs after that map it instead of JBang's dynamic one. A new build gets its own and
     * the last build's goes.
     */
    @Test
    void theRunsAfterTheFirstReusedOneMapAStaticArchiveOfItsClasses() throws IOException {
        assertThat(checkout.run("probe").wentThroughJBang()).isTrue();
        assertThat(checkout.staticArchives()).isEmpty();
        LaunchResult refused = checkout.run("probe", "exit", "2");
        assertThat(refused.exitCode()).as("the listing run's own exit code").isEqualTo(2);
        assertThat(refused.stdout()).contains("marker=one");
        assertThat(checkout.staticArchives()).as("a run that refused its input lists nothing").isEmpty();
        assertThat(checkout.run("probe", "--help").exitCode()).isZero();
        assertThat(checkout.staticArchives()).as("nor does a run that only helps").isEmpty();
        LaunchResult listing = checkout.run("probe", "exit", "1");
        assertThat(listing.exitCode()).isEqualTo(1);
        assertThat(checkout.staticArchives()).as("archived by the next run, once the listing run has ended").isEmpty();
        assertThat(checkout.run("probe").exitCode()).isZero();
        assertThat(checkout.staticArchives()).as("dumped behind that run").hasSize(1);
        Path archive = checkout.staticArchives().get(0);

        LaunchResult mapped = checkout.run("probe", "archive");
        assertThat(mapped.stdout()).as(mapped.toString()).contains("archive=" + archive, "sharing=true");
        assertThat(mapped.stderr()).doesNotContain("[warning]");

        checkout.setMarker("two");
        assertThat(checkout.run("probe").wentThroughJBang()).isTrue();
        assertThat(checkout.run("probe", "archive").stdout()).as("no archive of this build yet").doesNotContain("archive=" + archive);
        assertThat(checkout.run("probe").exitCode()).isZero();
        LaunchResult next = checkout.run("probe", "archive");
        assertThat(next.stdout()).contains("marker=two", "sharing=true");
        assertThat(checkout.staticArchives()).hasSize(1).doesNotContain(archive);
        assertThat(next.stdout()).contains("archive=" + checkout.staticArchives().get(0));
    }

    @Test
    void reuseOffGoesThroughJBangEveryTime() throws IOException {
        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "0");
        assertThat(checkout.run("probe").exitCode()).isZero();
        assertThat(checkout.run("probe").stdout()).contains("marker=one");
        assertThat(checkout.savedLaunch("probe")).isNull();

        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "1");
        assertThat(checkout.run("probe").exitCode()).isZero();
        assertThat(checkout.savedLaunch("probe")).isNotNull();
        // with a saved command present but reuse off, a run still needs JBang (here: cannot get it)
        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "0");
        checkout.env.put("WORKBOOK_CACHE_DIR", dir.resolve("empty-cache").toString());
        checkout.env.put("PATH", FakeTools.failingMaven(dir.resolve("bin")) + ":" + System.getenv("PATH"));
        LaunchResult off = checkout.run("probe");
        assertThat(off.exitCode()).as(off.toString()).isEqualTo(3);
        assertThat(off.stderr()).contains("Maven could not fetch dev.jbang:jbang-cli:0.132.1:jar:all");
    }

    /** The key of the code the helper process serves by (WorkbookHelperTest): it changes with the code, and is gone with reuse. */
    @Test
    void theCodeKeyChangesWithTheCodeAndIsNeverInherited() throws IOException {
        String first = codeKey();
        assertThat(first).matches("[0-9a-f]{16,}");
        assertThat(codeKey()).as("a warm run").isEqualTo(first);

        checkout.setMarker("two");
        String afterSource = codeKey();
        assertThat(afterSource).isNotEqualTo(first);
        checkout.edit("runtime/workbook/probe/ProbeMarker.java", "package workbook.probe;",
                "//DEPS info.picocli:picocli:4.7.7\npackage workbook.probe;");
        String afterDeps = codeKey();
        assertThat(afterDeps).isNotIn(first, afterSource);
        checkout.edit("jbang-catalog.json", "\"arguments\": [\"fixed\"]", "\"arguments\": [\"changed\"]");
        assertThat(codeKey()).isNotIn(first, afterSource, afterDeps);

        // reuse off: no key, so every command runs in its own process, even under a key a parent process had
        checkout.env.put("WORKBOOK_CODE_KEY", first);
        checkout.env.put("WORKBOOK_LAUNCH_CACHE", "0");
        assertThat(codeKey()).isEqualTo("null");
    }

    private String codeKey() {
        LaunchResult run = checkout.run("probe", "codekey");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.stdout().lines().filter(line -> line.startsWith("codekey=")).findFirst().orElseThrow().substring("codekey=".length());
    }

    @Test
    void jbangsOwnCommandsAndFilesPassStraightThrough() throws IOException {
        LaunchResult version = checkout.run("version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.stdout().strip()).isEqualTo("0.132.1");

        LaunchResult file = checkout.run("lessons/Probe.java", "direct");
        assertThat(file.exitCode()).as(file.toString()).isZero();
        assertThat(file.stdout()).contains("args=<direct>");
        assertThat(Files.exists(checkout.root.resolve(".workbook/launch"))).isFalse();
    }
}
