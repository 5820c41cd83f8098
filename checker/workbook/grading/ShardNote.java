package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code <out>/.shard.json}: which shard of which class an output holds, for {@code grade merge}. Written last,
 * once every student of the slice is recorded and rendered, and removed when a run into that folder starts, so a
 * folder with a note is a finished shard. The student list matters because an --out keeps the records of
 * students graded there before (a re-run reuses them): only the ones listed belong to this shard.
 *
 * @param formatVersion  1; bump when a field changes meaning
 * @param lesson         the exercise set graded, e.g. lesson3
 * @param checksVersion  {@link ChecksVersion} of the checkout that graded it
 * @param shard          K, 1 to {@code shards}
 * @param shards         N, how many slices the class was cut into
 * @param students       every student of this slice, sorted
 * @param conflicts      entries skipped because another entry names the same student, as in one run's summary
 */
public record ShardNote(int formatVersion, String lesson, String checksVersion, int shard, int shards, List<String> students,
                        List<Conflict> conflicts) {
    public static final int FORMAT_VERSION = 1;
    static final String FILE = ".shard.json";

    public ShardNote {
        students = students == null ? List.of() : List.copyOf(students);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** An entry left out because its student's name was taken by another entry. */
    public record Conflict(String student, String entry) {
    }

    /** The note of a finished shard run over {@code slice}. */
    static ShardNote of(String lesson, String checksVersion, Shard shard, SubmissionsFolder slice) {
        return new ShardNote(FORMAT_VERSION, lesson, checksVersion, shard.index(), shard.count(),
                slice.entries().stream().map(SubmissionsFolder.Entry::student).sorted().toList(),
                slice.conflicts().stream().map(e -> new Conflict(e.student(), e.path().getFileName().toString())).toList());
    }

    void write(Path out) throws IOException {
        ResultStore.JSON.writeValue(out.resolve(FILE).toFile(), this);
    }

    /** The note in {@code out}; empty when there is none. Unreadable: thrown, since a shard is not guessed at. */
    static Optional<ShardNote> read(Path out) throws IOException {
        Path file = out.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(ResultStore.JSON.readValue(file.toFile(), ShardNote.class)) : Optional.empty();
    }

    /** Removes a note an earlier run left, before a run changes the folder: it would vouch for what is not there yet. */
    static void clear(Path out) throws IOException {
        Files.deleteIfExists(out.resolve(FILE));
    }

    String label() {
        return shard + "/" + shards;
    }
}
