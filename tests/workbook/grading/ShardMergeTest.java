package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.ExitCode;
import workbook.FileTrees;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.UserError;
import workbook.cli.CommandRunner;
import workbook.db.ConnectionInfo;

/**
 * A class graded in one run, and again as shards 1/2 and 2/2 merged (both with a roster): the two outputs hold the
 * same files with the same bytes, times apart. Then what merge refuses, writing nothing: shards of another class, a shard missing, a
 * student in two shards with different results, --out inside a shard.
 */
@Slow
class ShardMergeTest {
    @TempDir
    static Path work;
    static Path submissions;
    static Path whole;
    static Path one;
    static Path two;
    static Path merged;
    static String[] server;

    @BeforeAll
    static void gradeTheClassInOneRunAndInTwoShards() throws Exception {
        ConnectionInfo admin = TestDatabase.freshDatabase("grading_shards");
        String url = admin.jdbcUrl() + "?user=" + admin.user() + "&password=" + admin.password();
        submissions = Files.createDirectories(work.resolve("submissions"));
        Map<String, String> solved = ClassGradingTest.solutions();
        ClassGradingTest.write(submissions.resolve("alice"), solved);
        ClassGradingTest.zip(submissions.resolve("bob.zip"), "bob/exercises/lesson3/", solved);
        Map<String, String> carol = new LinkedHashMap<>(solved);
        carol.put("03-update-alice.sql", "UPDATE users SET first_name = 'Alicia', updated_at = NOW();\n");
        ClassGradingTest.write(submissions.resolve("carol/exercises/lesson3"), carol);
        Files.createDirectories(submissions.resolve("dave"));
        ClassGradingTest.write(submissions.resolve("erin"), Map.of("01-add-columns.sql", solved.get("01-add-columns.sql"),
                "04-delete-bob.sql", "DELETE FROM users;\n"));
        Files.writeString(submissions.resolve("broken.zip"), "this is not a zip");
        ClassGradingTest.write(submissions.resolve("gina"), solved);
        ClassGradingTest.zip(submissions.resolve("gina.zip"), "", Map.of("01-add-columns.sql", "SELECT 1;"));
        Files.writeString(submissions.resolve("README.txt"), "not a submission");
        // gradebooks too: a student without a submission, and erin on no row
        Path roster = Files.writeString(work.resolve("roster.csv"), "submission,name,email,sis_user_id,section\r\n"
                + "alice,\"Liddell, Alice\",alice@example.edu,S1,A\r\nbob.zip,Bob,bob@example.edu,S2,A\r\ncarol,Carol,carol@example.edu,S3,B\r\n"
                + "dave,Dave,dave@example.edu,S4,B\r\nbroken,Broken,broken@example.edu,S5,B\r\ngina,Gina,gina@example.edu,S6,A\r\n"
                + "hal,Hal,hal@example.edu,S7,A\r\n");
        // the slices this class falls into, pinned in ShardTest: both shards have students, one has the conflict
        assertThat(List.of("alice", "dave", "erin")).allMatch(s -> Shard.sliceOf(s, 2) == 2);
        assertThat(List.of("bob", "broken", "carol", "gina")).allMatch(s -> Shard.sliceOf(s, 2) == 1);

        whole = work.resolve("whole");
        one = work.resolve("shard-1");
        two = work.resolve("shard-2");
        merged = work.resolve("merged");
        server = new String[] {"--submissions", submissions.toString(), "--db", "url", "--url", url, "--jobs", "2"};
        assertThat(grade(concat(new String[] {"lesson3", "--out", whole.toString(), "--roster", roster.toString()}, server))).isZero();
        assertThat(grade(concat(new String[] {"lesson3", "--out", one.toString(), "--shard", "1/2"}, server))).isZero();
        assertThat(grade(concat(new String[] {"lesson3", "--out", two.toString(), "--shard", "2/2", "--roster", roster.toString()}, server))).isZero();
        assertThat(grade("merge", two.toString(), one.toString(), "--out", merged.toString(), "--roster", roster.toString())).isZero();
    }

    static int grade(String... args) {
        return CommandRunner.run(new GradeCommand(), args);
    }

    @Test
    void twoShardsMergedAreOneRunByteForByteButTheirTimesGradebooksIncluded() throws IOException {
        Map<String, String> oneRun = files(whole);
        assertThat(oneRun.keySet()).as("every report and record of the class")
                .contains("grades.csv", "report.html", "canvas.csv", "moodle.csv", "roster-report.txt", ".records/alice.json", "alice/results.json", "alice/junit.xml", "alice/feedback.md",
                        "bob/feedback.md", "broken/results.json", "gina/junit.xml", ".records/erin.json")
                .hasSize(5 + 7 * 4);
        Map<String, String> mergedRun = files(merged);
        assertThat(mergedRun.keySet()).containsExactlyElementsOf(oneRun.keySet());
        for (String file : oneRun.keySet()) {
            assertThat(withoutTimes(mergedRun.get(file))).as(file).isEqualTo(withoutTimes(oneRun.get(file)));
        }
        assertThat(oneRun.get("grades.csv").lines()).hasSize(8);
    }

    @Test
    void eachShardHoldsItsSliceAndANoteOfWhichShardItIs() throws IOException {
        ShardNote first = ShardNote.read(one).orElseThrow();
        ShardNote second = ShardNote.read(two).orElseThrow();
        assertThat(first.label()).isEqualTo("1/2");
        assertThat(first.lesson()).isEqualTo("lesson3");
        assertThat(first.checksVersion()).isEqualTo(second.checksVersion()).isEqualTo(new ResultStore(whole).read("alice").orElseThrow().checksVersion());
        assertThat(first.students()).containsExactly("bob", "broken", "carol", "gina");
        assertThat(first.conflicts()).containsExactly(new ShardNote.Conflict("gina", "gina.zip"));
        assertThat(second.label()).isEqualTo("2/2");
        assertThat(second.students()).containsExactly("alice", "dave", "erin");
        assertThat(second.conflicts()).isEmpty();
        assertThat(ClassGradingTest.csv(two.resolve("grades.csv")).keySet()).containsExactly("student", "alice", "dave", "erin");
        assertThat(two.resolve("bob")).as("a student of the other slice").doesNotExist();
        assertThat(whole.resolve(ShardNote.FILE)).as("a run over the whole class is no shard").doesNotExist();
        assertThat(merged.resolve(ShardNote.FILE)).doesNotExist();
    }

    @Test
    void aShardsGradebooksHoldOnlyItsSliceSoImportingOneZeroesNobodyGradedElsewhere() throws IOException {
        // the roster's alice and dave fall in slice 2, bob, carol, broken and gina in slice 1 (pinned above)
        List<String> canvasRows = Files.readAllLines(two.resolve("canvas.csv")).stream().skip(2).toList();
        assertThat(canvasRows).anyMatch(row -> row.startsWith("\"Liddell, Alice\",")).anyMatch(row -> row.startsWith("Dave,"))
                .noneMatch(row -> row.startsWith("Bob,") || row.startsWith("Carol,") || row.startsWith("Broken,") || row.startsWith("Gina,"));
        assertThat(Files.readString(two.resolve("moodle.csv"))).contains("alice@example.edu").doesNotContain("bob@example.edu");
    }

    @Test
    void aWholeClassGradedIntoAShardsFolderLeavesNoNoteThatWouldPassItOffAsAShard() throws IOException {
        Path again = work.resolve("regraded");
        FileTrees.copyTree(one, again);
        assertThat(grade(concat(new String[] {"lesson3", "--out", again.toString()}, server))).isZero();
        assertThat(again.resolve(ShardNote.FILE)).doesNotExist();
        assertRefused(List.of(again, two), again + " holds no finished shard (no .shard.json): grade it with --shard K/N and let the run end.");
    }

    @Test
    void aMissingShardIsRefused() {
        assertRefused(List.of(one), "Shard 2/2 is missing (given: 1/2): merge every shard's --out folder, grading the missing ones first.");
    }

    @Test
    void shardsOfAnotherLessonChecksOrSplitAreRefused() throws IOException {
        Path otherLesson = copyWithNote(two, "other-lesson", n -> new ShardNote(1, "lesson3-updated-at", n.checksVersion(), 2, 2, n.students(), n.conflicts()));
        assertRefused(List.of(one, otherLesson), otherLesson + " is a shard of lesson3-updated-at, " + one + " of lesson3: merge the shards of one lesson.");
        Path otherChecks = copyWithNote(two, "other-checks", n -> new ShardNote(1, n.lesson(), "0123456789abcdef", 2, 2, n.students(), n.conflicts()));
        assertRefused(List.of(one, otherChecks), otherChecks + " was graded with checks 0123456789abcdef, " + one + " with "
                + ShardNote.read(one).orElseThrow().checksVersion() + ": grade every shard with the same checkout.");
        Path otherSplit = copyWithNote(two, "other-split", n -> new ShardNote(1, n.lesson(), n.checksVersion(), 2, 3, n.students(), n.conflicts()));
        assertRefused(List.of(one, otherSplit), otherSplit + " is shard 2/3, " + one + " shard 1/2: merge the shards of one split (the same N in every --shard K/N).");
        for (String notAStudent : List.of("../shard-2/alice", ".records", "")) {
            Path tampered = copyWithNote(one, "tampered", n -> new ShardNote(1, n.lesson(), n.checksVersion(), 1, 2, List.of(notAStudent), n.conflicts()));
            assertRefused(List.of(tampered, two), tampered + "/.shard.json lists `" + notAStudent + "`, which names no student's folder: grade that shard again.");
            FileTrees.deleteTree(tampered);
        }
        assertRefused(List.of(one, two, whole), whole + " holds no finished shard (no .shard.json): grade it with --shard K/N and let the run end.");
    }

    @Test
    void aStudentInTwoShardsWithDifferentResultsIsRefusedAndGradedAlikeAtAnotherTimeMergedOnce() throws IOException {
        GradeRecord alice = new ResultStore(two).read("alice").orElseThrow();
        GradeRecord later = new GradeRecord(alice.formatVersion(), alice.student(), alice.entry(), alice.lesson(), alice.submissionHash(),
                alice.checksVersion(), alice.status(), alice.problem(), "2031-01-01T00:00:00Z", alice.seconds() + 1, alice.missing(), alice.stray(),
                alice.tasks());
        Path same = studentAdded(one, "alice-same", alice.student(), later);
        assertThat(ShardMerge.merge(ClassGradingTest.HOME, List.of(same, two), work.resolve("merged-again")).records())
                .extracting(GradeRecord::student).containsExactly("alice", "bob", "broken", "carol", "dave", "erin", "gina");
        GradeRecord zeroed = new GradeRecord(alice.formatVersion(), alice.student(), alice.entry(), alice.lesson(), alice.submissionHash(),
                alice.checksVersion(), alice.status(), alice.problem(), alice.gradedAt(), alice.seconds(), alice.missing(), alice.stray(),
                GradeRecord.ungraded(ClassGradingTest.LESSON3, "regraded"));
        Path different = studentAdded(one, "alice-different", alice.student(), zeroed);
        assertRefused(List.of(different, two), "The student alice is in " + different + " and " + two
                + " with different results: merge the shards of one grading run, or grade that student's shard again.");
    }

    @Test
    void outInsideAShardOrHoldingOneIsRefused() {
        Path inside = one.resolve("merged");
        assertRefused(List.of(one, two), inside, "--out " + inside + " is inside the shard output " + one + "; merge into a folder of its own.");
        assertRefused(List.of(one, two), one, "--out " + one + " is inside the shard output " + one + "; merge into a folder of its own.");
        Path above = work.resolve("all");
        Path nested = above.resolve("shard-1");
        assertThat(above).doesNotExist();
        assertThatThrownBy(() -> {
            FileTrees.copyTree(one, Files.createDirectories(above).resolve("shard-1"));
            ShardMerge.merge(ClassGradingTest.HOME, List.of(nested, two), above);
        }).isInstanceOf(UserError.class).hasMessage("--out " + above + " holds the shard output " + nested + "; merge into a folder of its own.");
        assertThat(above.resolve("grades.csv")).doesNotExist();
    }

    private static void assertRefused(List<Path> inputs, String line) {
        assertRefused(inputs, work.resolve("refused"), line);
    }

    private static void assertRefused(List<Path> inputs, Path out, String line) {
        Map<String, String> before = Files.exists(out) ? files(out) : null;
        assertThatThrownBy(() -> ShardMerge.merge(ClassGradingTest.HOME, inputs, out)).isInstanceOf(UserError.class).hasMessage(line)
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
        if (before == null) {
            assertThat(out).as("nothing written").doesNotExist();
        } else {
            assertThat(files(out)).as("nothing written").isEqualTo(before);
        }
    }

    /** A copy of {@code shard} whose note says otherwise. */
    private static Path copyWithNote(Path shard, String name, java.util.function.UnaryOperator<ShardNote> change) throws IOException {
        Path copy = work.resolve(name);
        FileTrees.copyTree(shard, copy);
        change.apply(ShardNote.read(copy).orElseThrow()).write(copy);
        return copy;
    }

    /** A copy of {@code shard} that also holds {@code student}, graded as {@code record}. */
    private static Path studentAdded(Path shard, String name, String student, GradeRecord record) throws IOException {
        Path copy = work.resolve(name);
        FileTrees.copyTree(shard, copy);
        new ResultStore(copy).write(record);
        new ReportWriter(new ResultStore(copy)).writeStudent(record);
        ShardNote note = ShardNote.read(copy).orElseThrow();
        List<String> students = new ArrayList<>(note.students());
        students.add(student);
        new ShardNote(note.formatVersion(), note.lesson(), note.checksVersion(), note.shard(), note.shards(), students, note.conflicts()).write(copy);
        return copy;
    }

    /** Every file under {@code root} by its path there, with its text. */
    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    /** The text with only what timing decides blanked: when and how fast each student was graded. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\"graded_at\" : \"[^\"]*\"", "\"graded_at\" : _")
                .replaceAll("\"(seconds|execution_time)\" : [0-9.eE-]+", "\"$1\" : _")
                .replaceAll("\\b(timestamp|time)=\"[^\"]*\"", "$1=_");
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
