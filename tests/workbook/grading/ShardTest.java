package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import workbook.ExitCode;
import workbook.UserError;

/** --shard K/N: which students a slice grades, the same on every machine, balanced, and still so when the class grows. */
class ShardTest {
    @Test
    void theSliceOfANameIsFixedSoEveryMachineAndEveryVersionCutsTheClassAlike() {
        // pinned: a change of the hash would split a class differently from shards graded before it
        assertThat(List.of("alice", "bob", "carol", "dave", "gina", "zoë")).extracting(name -> Shard.sliceOf(name, 4))
                .containsExactly(4, 3, 3, 4, 1, 2);
        assertThat(List.of("alice", "bob", "carol", "dave", "gina", "zoë")).extracting(name -> Shard.sliceOf(name, 7))
                .containsExactly(2, 2, 7, 5, 4, 2);
    }

    @Test
    void everyStudentIsInExactlyOneSliceWhateverTheOrderTheFolderListsThem() {
        List<SubmissionsFolder.Entry> entries = IntStream.range(0, 1000).mapToObj(i -> entry("student-" + i)).toList();
        List<SubmissionsFolder.Entry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(16));
        for (int n = 1; n <= 7; n++) {
            List<String> all = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                List<String> slice = students(new Shard(k, n).of(folder(entries)));
                assertThat(students(new Shard(k, n).of(folder(shuffled)))).as("listed in another order").containsExactlyInAnyOrderElementsOf(slice);
                all.addAll(slice);
            }
            assertThat(all).as("N = " + n).hasSize(1000).doesNotHaveDuplicates();
        }
    }

    @Test
    void slicesOfALargeClassAreEvenAndANewStudentMovesNobody() {
        List<SubmissionsFolder.Entry> entries = IntStream.range(0, 100_000).mapToObj(i -> entry(String.format("student-%06d", i))).toList();
        List<SubmissionsFolder.Entry> grown = new ArrayList<>(entries);
        grown.add(0, entry("aaron"));
        for (int k = 1; k <= 4; k++) {
            List<String> slice = students(new Shard(k, 4).of(folder(entries)));
            assertThat(slice.size()).as("shard " + k + "/4 of 100,000").isBetween(24_500, 25_500);
            assertThat(students(new Shard(k, 4).of(folder(grown)))).as("the class with one more student").containsAll(slice);
        }
    }

    @Test
    void anEntryAndItsZipLandInOneSliceSoTheConflictIsSeenThere() {
        SubmissionsFolder.Entry zip = new SubmissionsFolder.Entry("gina", Path.of("gina.zip"));
        SubmissionsFolder whole = new SubmissionsFolder(Path.of("submissions"), List.of(entry("gina")), List.of("README.txt (not a folder or .zip)"),
                List.of(zip));
        Shard hers = new Shard(Shard.sliceOf("gina", 3), 3);
        Shard other = new Shard(hers.index() % 3 + 1, 3);
        assertThat(hers.of(whole).conflicts()).containsExactly(zip);
        assertThat(other.of(whole).conflicts()).isEmpty();
        assertThat(other.of(whole).ignored()).as("the folder's other files, listed by every shard").containsExactly("README.txt (not a folder or .zip)");
    }

    @Test
    void kOfNIsReadAndAnythingElseRefusedInOneLine() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse("01/1")).isEqualTo(new Shard(1, 1));
        for (String outOfRange : List.of("0/4", "5/4", "1/0", "0/0", "1/99999999999")) {
            assertThatThrownBy(() -> Shard.parse(outOfRange)).isInstanceOf(UserError.class)
                    .hasMessage("--shard " + outOfRange + " is out of range: K is 1 to N, e.g. --shard 1/4 to --shard 4/4.")
                    .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
        }
        for (String notASlice : List.of("4", "a/b", "1-4", "1/4/2", "-1/4", "", "1/ 4")) {
            assertThatThrownBy(() -> Shard.parse(notASlice)).isInstanceOf(UserError.class)
                    .hasMessage("--shard " + notASlice + " is not K/N: name the slice to grade and how many there are, e.g. --shard 1/4.");
        }
    }

    private static SubmissionsFolder.Entry entry(String student) {
        return new SubmissionsFolder.Entry(student, Path.of(student));
    }

    private static SubmissionsFolder folder(List<SubmissionsFolder.Entry> entries) {
        return new SubmissionsFolder(Path.of("submissions"), entries, List.of(), List.of());
    }

    private static List<String> students(SubmissionsFolder folder) {
        return folder.entries().stream().map(SubmissionsFolder.Entry::student).toList();
    }
}
