package workbook.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import workbook.WorkbookHome;

/**
 * A temporary copy of the checkout (launcher, catalog, runtime/, checker/, lessons/) plus a tiny
 * test-only alias, `probe`, that shows what reached it; runs the real `./jbang` in it as a process.
 * JBang's jar is shared by all launcher tests, its build cache by those of one test JVM (under target/),
 * so only the first test pays for fetching and compiling.
 */
final class LauncherCheckout {
    static final Path REPO = WorkbookHome.locate().root();
    static final Path SHARED = REPO.resolve("target/launcher-tests");
    /**
     * JBang's settings for the tests' JBang folder: javac runs C1-only, as the scripts' own JVMs do. Compiling
     * a script's ~150 sources takes 7 s of CPU so instead of 18 (C2's warm-up never pays off in one compile),
     * and the tests compile every script of the catalog; the classes compiled are the same.
     */
    static final String JBANG_SETTINGS = "run.compileoption=-J-XX:TieredStopAtLevel=1\n";
    /**
     * One JBang folder per test JVM (surefire runs two): JBang's build cache is keyed on the script's content,
     * so two JVMs building the same probe at once would collide on one jar.
     */
    private static final Path SHARED_JBANG = jbangDir(SHARED.resolve("jbang-" + System.getProperty("workbook.test.fork", "fork1")));

    final Path root;
    final Map<String, String> env = new HashMap<>();

    private LauncherCheckout(Path root) {
        this.root = root;
        env.put("WORKBOOK_CACHE_DIR", SHARED.resolve("workbook-cache").toString());
        env.put("JBANG_DIR", SHARED_JBANG.toString());
        env.put("NO_COLOR", "1");
    }

    /** A JBang folder with the tests' settings (JBang reads jbang.properties from its folder). */
    static Path jbangDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path settings = dir.resolve("jbang.properties");
            if (!Files.exists(settings) || !Files.readString(settings).equals(JBANG_SETTINGS)) {
                // whole or not at all: a JBang of another test JVM may be reading it
                Path written = Files.writeString(Files.createTempFile(dir, "jbang", ".tmp"), JBANG_SETTINGS);
                Files.move(written, settings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real checkout itself, with the tests' shared JBang caches. */
    static LauncherCheckout repository() {
        return new LauncherCheckout(REPO);
    }

    /** The JBang jar the launcher bootstraps, fetched into the tests' shared cache if need be. */
    static synchronized Path sharedJBangJar() {
        // once per test JVM: each `./jbang version` starts JBang's own JVM (1.3 s of CPU), and ten tests ask
        Path jar = SHARED.resolve("workbook-cache/jbang-0.132.1/jbang-cli-0.132.1-all.jar");
        if (!jbangFetched || !Files.isRegularFile(jar)) {
            LaunchResult version = repository().run("version");
            if (version.exitCode() != 0) {
                throw new AssertionError("./jbang version failed:\n" + version);
            }
            jbangFetched = true;
        }
        return jar;
    }

    private static boolean jbangFetched;

    /** A fresh copy of the checkout in dir, with the probe alias (fixed argument "fixed") added. */
    static LauncherCheckout create(Path dir) throws IOException {
        for (String part : List.of("jbang", "jbang-catalog.json", "runtime", "checker", "lessons")) {
            copy(REPO.resolve(part), dir.resolve(part));
        }
        LauncherCheckout checkout = new LauncherCheckout(dir);
        checkout.write("lessons/Probe.java", probeSource());
        checkout.setMarker("one");
        checkout.write("runtime/workbook/probe/probe.jte", "template=one\n");
        String catalog = Files.readString(dir.resolve("jbang-catalog.json"));
        checkout.write("jbang-catalog.json", catalog.replaceFirst("\"aliases\"\\s*:\\s*\\{",
                "\"aliases\": {\n    \"probe\": {\"script-ref\": \"lessons/Probe.java\", \"description\": \"Test-only: shows what reached it\", \"arguments\": [\"fixed\"]},"));
        return checkout;
    }

    /** Adds a folder of the real checkout to the copy (exercises/, solutions/ for the checker's commands). */
    void copyFromRepository(String part) throws IOException {
        copy(REPO.resolve(part), root.resolve(part));
    }

    void setMarker(String text) throws IOException {
        write("runtime/workbook/probe/ProbeMarker.java", """
                package workbook.probe;

                /** Test-only: a value the probe prints, edited by tests to see a change arrive. */
                public final class ProbeMarker {
                    public static final String TEXT = "%s";
                }
                """.formatted(text));
    }

    void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    void edit(String relative, String from, String to) throws IOException {
        String before = read(relative);
        if (!before.contains(from)) {
            throw new IllegalArgumentException(relative + " has no " + from);
        }
        write(relative, before.replace(from, to));
    }

    /** The class-data archive the saved launch command of an alias maps. */
    Path savedArchive(String alias) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-XX:SharedArchiveFile=(\\S+)").matcher(savedLaunch(alias));
        if (!m.find()) {
            throw new AssertionError("no archive in " + savedLaunch(alias));
        }
        return Path.of(m.group(1));
    }

    /** The saved launch command of an alias, or null. */
    String savedLaunch(String alias) throws IOException {
        Path file = root.resolve(".workbook/launch").resolve(alias);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    LaunchResult run(String... args) {
        return runWithInput(null, args);
    }

    LaunchResult runWithInput(String stdin, String... args) {
        try {
            Process process = start(ProcessBuilder.Redirect.PIPE, args);
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            LaunchResult result = LaunchResult.await(process, 180);
            awaitArchiveDumps();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the class-data archive a run left to be dumped in the background (`./jbang`, run_cached): it
     * writes into the checkout, which the test deletes when it ends. A second or two, once per build; a dump
     * that failed leaves a class list without an archive, and no process or temporary file, for three seconds.
     */
    void awaitArchiveDumps() throws IOException {
        Path archives = root.resolve(".workbook/launch/archives");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long quietSince = System.nanoTime();
        while (Files.isDirectory(archives) && System.nanoTime() < deadline) {
            List<String> names;
            try (Stream<Path> files = Files.list(archives)) {
                names = files.map(f -> f.getFileName().toString()).toList();
            }
            boolean pending = names.stream().anyMatch(n -> n.endsWith(".classlist") && !names.contains(n.replace(".classlist", ".jsa")));
            boolean working = names.stream().anyMatch(n -> n.endsWith(".tmp")) || ProcessHandle.allProcesses()
                    .anyMatch(p -> p.info().commandLine().map(line -> line.contains("-Xshare:dump") && line.contains(archives.toString())).orElse(false));
            if (!pending) {
                return;
            }
            if (working) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The static class-data archives the launcher made for this checkout's builds (`./jbang`, run_cached). */
    List<Path> staticArchives() throws IOException {
        Path archives = root.resolve(".workbook/launch/archives");
        if (!Files.isDirectory(archives)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** Starts ./jbang ARGS in the checkout with SIGINT at its default (a test runner may have ignored it). */
    Process start(ProcessBuilder.Redirect stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (envResetsSignals()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add("./jbang");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectInput(stdin);
        builder.environment().remove("WORKBOOK_LAUNCH_CACHE");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String probeSource() {
        return """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //JAVA 17+
                //JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr
                //CDS
                //SOURCES ../runtime/workbook/probe/ProbeMarker.java
                //FILES workbook/probe/probe.jte=../runtime/workbook/probe/probe.jte

                import java.io.BufferedReader;
                import java.io.InputStreamReader;
                import java.util.Arrays;
                import java.util.stream.Collectors;

                /** Test-only command: prints what reached it; the second argument picks what it does. */
                public class Probe {
                    public static void main(String... args) throws Exception {
                        System.out.println("marker=" + workbook.probe.ProbeMarker.TEXT);
                        System.out.println("args=" + Arrays.stream(args).map(a -> "<" + a + ">").collect(Collectors.joining()));
                        String mode = args.length > 1 ? args[1] : "";
                        // a command that did its work says so to the launcher's class listing (workbook.cli.ClassListing)
                        String list = System.getProperty("workbook.classList");
                        if (list != null && !(mode.equals("exit") && Integer.parseInt(args[2]) > 1) && !mode.equals("--help")) {
                            java.nio.file.Files.createFile(java.nio.file.Path.of(list + ".done"));
                        }
                        switch (mode) {
                            case "exit" -> System.exit(Integer.parseInt(args[2]));
                            case "stdin" -> System.out.println("stdin=" + new BufferedReader(new InputStreamReader(System.in))
                                    .lines().map(String::toUpperCase).collect(Collectors.joining("|")));
                            case "classpath" -> System.out.println("picocli=" + present("picocli.CommandLine"));
                            case "codekey" -> System.out.println("codekey=" + System.getenv("WORKBOOK_CODE_KEY"));
                            case "archive" -> {
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                        .filter(a -> a.startsWith("-XX:SharedArchiveFile=")).forEach(a -> System.out.println("archive=" + a.substring(a.indexOf('=') + 1)));
                                System.out.println("sharing=" + System.getProperty("java.vm.info").contains("sharing"));
                            }
                            case "template" -> System.out.print(new String(Probe.class.getClassLoader()
                                    .getResourceAsStream("workbook/probe/probe.jte").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                            case "wait" -> {
                                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown-hook")));
                                System.out.println("ready");
                                System.out.flush();
                                Thread.sleep(60_000);
                            }
                            default -> { }
                        }
                    }

                    static boolean present(String name) {
                        try {
                            Class.forName(name);
                            return true;
                        } catch (ClassNotFoundException e) {
                            return false;
                        }
                    }
                }
                """;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
