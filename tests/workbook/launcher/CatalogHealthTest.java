package workbook.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.Slow;

/**
 * Every alias in jbang-catalog.json is usable: described in one line, pointing at a script that
 * exists, not hiding a JBang command, answering --help through ./jbang and through JBang's own
 * alias lookup (what `jbang ALIAS` does with JBang installed).
 */
@Slow
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogHealthTest {
    /** JBang 0.132's own commands: an alias of the same name would never be reached. */
    static final Set<String> JBANG_COMMANDS = Set.of("run", "build", "edit", "init", "alias", "catalog", "app",
            "cache", "config", "deps", "export", "info", "jdk", "template", "trust", "version", "wrapper", "completion");
    /** What ./jbang reads itself; anything more and it hands the alias to JBang (slower, and online). */
    static final Set<String> KEYS_THE_LAUNCHER_READS = Set.of("script-ref", "description", "arguments");

    static JsonNode aliases() throws IOException {
        return new ObjectMapper().readTree(LauncherCheckout.REPO.resolve("jbang-catalog.json").toFile()).get("aliases");
    }

    static Stream<String> aliasNames() throws IOException {
        List<String> names = new ArrayList<>();
        aliases().fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @Test
    void theCatalogHasTheWorkbooksCommands() throws IOException {
        assertThat(aliasNames()).contains("db", "lesson3", "check", "hint", "grade", "repl");
    }

    @ParameterizedTest
    @MethodSource("aliasNames")
    void aliasIsDescribedInOneLineAndPointsAtAScript(String name) throws IOException {
        JsonNode alias = aliases().get(name);
        String description = alias.path("description").asText("");
        Path script = LauncherCheckout.REPO.resolve(alias.path("script-ref").asText("missing"));

        assertThat(description).as(name + "'s description").isNotBlank().doesNotContain("\n").hasSizeLessThan(160);
        assertThat(script).as(name + "'s script").isRegularFile();
        assertThat(Files.readString(script)).as(name + "'s script").startsWith("///usr/bin/env jbang");
        assertThat(name).matches("[a-z][a-z0-9-]*").isNotIn(JBANG_COMMANDS);
        List<String> keys = new ArrayList<>();
        alias.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(name + "'s keys").isSubsetOf(KEYS_THE_LAUNCHER_READS);
    }

    @Order(1)
    @ParameterizedTest
    @MethodSource("aliasNames")
    void aliasAnswersHelpThroughTheLauncher(String name) {
        LaunchResult help = LauncherCheckout.repository().run(name, "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).as(help.toString()).contains("Usage:");
        // the first runs also dump the class-data archive (//CDS), whose JVM warnings must stay quiet
        assertThat(help.stdout() + help.stderr()).doesNotContain("[warning]");
        answeredThroughTheLauncher.add(name);
    }

    /** Aliases this test JVM has seen answer --help through ./jbang, which left their command in .workbook/launch/. */
    private static final Set<String> answeredThroughTheLauncher = ConcurrentHashMap.newKeySet();

    /** The alias whose command, as JBang's own lookup resolved it, is run end to end; one with catalog arguments. */
    static final String RUN_END_TO_END = "lesson3";

    /**
     * JBang's own lookup (what `jbang ALIAS` does with JBang installed) resolves every alias to the very java command
     * the launcher ran: the same built script, options and catalog arguments, so it answers --help as that one did.
     * Run after the launcher's test, JBang finds each script built (one build serves both lookups) and only resolves;
     * one alias's command is also run, so the lookup is proven end to end once.
     */
    @Order(2)
    @ParameterizedTest
    @MethodSource("aliasNames")
    void aliasAnswersHelpThroughJBangsOwnLookup(String name) throws Exception {
        if (!answeredThroughTheLauncher.contains(name)) {
            aliasAnswersHelpThroughTheLauncher(name);
        }
        Path jar = LauncherCheckout.sharedJBangJar();
        // JBang's own JVM starts C1-only with the serial collector and JBang's class-data archive, as ./jbang starts
        // it: the same lookup, less CPU (the archive saves a third of a second a start; an unusable one is skipped)
        List<String> java = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        jbangArchive().ifPresent(archive -> java.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off")));
        java.addAll(List.of("-cp", jar.toString(), "dev.jbang.Main", name, "--help"));
        ProcessBuilder jbang = new ProcessBuilder(java).directory(LauncherCheckout.REPO.toFile());
        jbang.environment().putAll(LauncherCheckout.repository().env);
        jbang.environment().put("JBANG_NO_VERSION_CHECK", "true");
        LaunchResult resolved = LaunchResult.await(jbang.start(), 180);
        assertThat(resolved.exitCode()).as(resolved.toString()).isEqualTo(255);

        String launched = LauncherCheckout.repository().savedLaunch(name);
        assertThat(launched).as(name + "'s command saved by ./jbang").isNotNull();
        assertThat(words(resolved.stdout().strip())).as("JBang's own lookup of " + name + " vs the command ./jbang ran")
                .isEqualTo(words(launched.lines().skip(2).findFirst().orElse("") + " --help"));

        if (name.equals(RUN_END_TO_END)) {
            ProcessBuilder command = new ProcessBuilder("bash", "-c", "eval \"exec $0\"", resolved.stdout().strip())
                    .directory(LauncherCheckout.REPO.toFile());
            LaunchResult help = LaunchResult.await(command.start(), 60);
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.stdout()).contains("Usage:");
        }
    }

    /**
     * The words bash makes of a command line, as the launcher's eval does; a class-data archive being dumped (the
     * first run of a build) counts as the same archive mapped, as the launcher saves it.
     */
    static List<String> words(String commandLine) throws IOException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "eval \"words=($0)\" && printf '%s\\n' \"${words[@]}\"", commandLine);
        LaunchResult split = LaunchResult.await(bash.start(), 30);
        assertThat(split.exitCode()).as(split.toString()).isZero();
        return split.stdout().lines().map(w -> w.replaceFirst("^-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=")).toList();
    }

    /** The class-data archive ./jbang dumped for JBang's JVM on its first run (newest first, should the JDK have changed). */
    static Optional<Path> jbangArchive() throws IOException {
        Path archives = LauncherCheckout.SHARED.resolve("workbook-cache/archives");
        if (!Files.isDirectory(archives)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.filter(f -> f.getFileName().toString().matches("jbang-.*\\.jsa"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()));
        }
    }
}
