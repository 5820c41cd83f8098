package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import workbook.FileTrees;
import workbook.UserError;
import workbook.WorkbookHome;
import workbook.checker.TaskSetReader;
import workbook.checker.task.TaskSet;

/**
 * {@code grade merge}: the outputs of {@code grade --shard K/N} runs combined into the output one run over the
 * whole class writes. Student folders and records are copied as the shards rendered them; the class reports are
 * rendered from all the records by {@link ReportWriter#writeClass}, as a run does. Every shard is read and checked
 * before anything is written, so a refusal leaves --out as it was.
 *
 * <p>A missing shard is refused, not warned about: the merged grades.csv would lack a slice of the class, and
 * an LMS import reads a student who is not there as one who handed nothing in.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** The merged class: its task set, every student's record (sorted), the entries no shard could grade, its gradebooks or null. */
    public record Merged(TaskSet set, int shards, List<GradeRecord> records, List<SubmissionsFolder.Entry> conflicts, Gradebooks gradebooks) {
    }

    private record Found(Path folder, ShardNote note) {
    }

    private record Graded(GradeRecord record, Path from) {
    }

    /** Reads and checks the shards in {@code inputs}, then writes the merged output to {@code out}, without gradebooks. */
    public static Merged merge(WorkbookHome home, List<Path> inputs, Path out) throws IOException {
        return merge(home, inputs, out, set -> null);
    }

    /**
     * As {@link #merge(WorkbookHome, List, Path)}, with the gradebooks (--roster) for the shards' task set, or null
     * for none; asked for before anything is written, so a bad roster refuses the merge as it refuses a run.
     */
    public static Merged merge(WorkbookHome home, List<Path> inputs, Path out, Function<TaskSet, Gradebooks> gradebooksOf) throws IOException {
        List<Found> shards = new ArrayList<>();
        for (Path input : inputs) {
            shards.add(found(input, out));
        }
        ShardNote first = shards.get(0).note();
        for (Found shard : shards) {
            sameClass(shards.get(0), shard);
        }
        Missing missing = missing(shards, first.shards());
        if (!missing.shards().isEmpty()) {
            throw UserError.badInput(missing.describe(first.shards()));
        }
        TaskSet set = TaskSetReader.forLesson(home, first.lesson());
        String here = ChecksVersion.of(home, set);
        if (!here.equals(first.checksVersion())) {
            throw UserError.badInput("The shards were graded with checks " + first.checksVersion() + ", this checkout has " + here
                    + " (tasks, solutions or checker changed): merge in the checkout that graded them, or grade again.");
        }
        Map<String, Graded> students = new TreeMap<>();
        for (Found shard : shards) {
            ResultStore store = new ResultStore(shard.folder());
            for (String student : shard.note().students()) {
                Graded graded = new Graded(recordOf(store, student), shard.folder());
                Graded before = students.putIfAbsent(student, graded);
                if (before != null && !withoutTimes(before.record()).equals(withoutTimes(graded.record()))) {
                    throw UserError.badInput("The student " + student + " is in " + before.from() + " and " + graded.from()
                            + " with different results: merge the shards of one grading run, or grade that student's shard again.");
                }
            }
        }
        Gradebooks gradebooks = gradebooksOf.apply(set);
        write(students, out);
        List<GradeRecord> records = students.values().stream().map(Graded::record).toList();
        new ReportWriter(new ResultStore(out), gradebooks).writeClass(set, records);
        List<SubmissionsFolder.Entry> conflicts = shards.stream().flatMap(s -> s.note().conflicts().stream()).distinct()
                .sorted(Comparator.comparing(ShardNote.Conflict::entry))
                .map(c -> new SubmissionsFolder.Entry(c.student(), Path.of(c.entry()))).toList();
        return new Merged(set, first.shards(), records, conflicts, gradebooks);
    }

    /** A finished shard's folder and note; refused when it is none, or when --out would land inside it or it inside --out. */
    private static Found found(Path input, Path out) throws IOException {
        Path folder = input.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw UserError.badInput("No shard output " + input + ": `grade merge` takes the --out folders of `grade --shard K/N` runs.");
        }
        Path in = SubmissionsFolder.resolved(folder);
        Path to = SubmissionsFolder.resolved(out);
        if (to.startsWith(in)) {
            throw UserError.badInput("--out " + out + " is inside the shard output " + input + "; merge into a folder of its own.");
        }
        if (in.startsWith(to)) {
            throw UserError.badInput("--out " + out + " holds the shard output " + input + "; merge into a folder of its own.");
        }
        ShardNote note;
        try {
            note = ShardNote.read(folder).orElseThrow(() -> UserError.badInput(input + " holds no finished shard (no " + ShardNote.FILE
                    + "): grade it with --shard K/N and let the run end."));
        } catch (IOException e) {
            throw UserError.badInput(input + "/" + ShardNote.FILE + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "): grade that shard again.");
        }
        if (note.formatVersion() != ShardNote.FORMAT_VERSION) {
            throw UserError.badInput(input + " was graded by another version of the workbook (shard note format " + note.formatVersion()
                    + "): grade that shard again with this one.");
        }
        return new Found(folder, note);
    }

    /** Refuses a shard of another class: another lesson, other checks, or another way of cutting it. */
    private static void sameClass(Found first, Found shard) {
        ShardNote a = first.note();
        ShardNote b = shard.note();
        if (!a.lesson().equals(b.lesson())) {
            throw UserError.badInput(shard.folder() + " is a shard of " + b.lesson() + ", " + first.folder() + " of " + a.lesson()
                    + ": merge the shards of one lesson.");
        }
        if (!a.checksVersion().equals(b.checksVersion())) {
            throw UserError.badInput(shard.folder() + " was graded with checks " + b.checksVersion() + ", " + first.folder() + " with "
                    + a.checksVersion() + ": grade every shard with the same checkout.");
        }
        if (a.shards() != b.shards()) {
            throw UserError.badInput(shard.folder() + " is shard " + b.label() + ", " + first.folder() + " shard " + a.label()
                    + ": merge the shards of one split (the same N in every --shard K/N).");
        }
    }

    /** The shard numbers of the split that no input holds. */
    private static Missing missing(List<Found> shards, int count) {
        TreeSet<Integer> given = shards.stream().map(s -> s.note().shard()).collect(Collectors.toCollection(TreeSet::new));
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!given.contains(k)) {
                missing.add(k);
            }
        }
        return new Missing(List.copyOf(given), missing);
    }

    /** Shards given and missing, said in one line. */
    private record Missing(List<Integer> given, List<Integer> shards) {
        String describe(int count) {
            String names = shards.stream().map(k -> k + "/" + count).collect(Collectors.joining(", "));
            String had = given.stream().map(k -> k + "/" + count).collect(Collectors.joining(", "));
            return (shards.size() == 1 ? "Shard " + names + " is missing" : "Shards " + names + " are missing") + " (given: " + had
                    + "): merge every shard's --out folder, grading the missing ones first.";
        }
    }

    private static GradeRecord recordOf(ResultStore store, String student) {
        if (!isStudentName(store, student)) {
            throw UserError.badInput(store.out() + "/" + ShardNote.FILE + " lists `" + student + "`, which names no student's folder: grade that shard again.");
        }
        GradeRecord record = store.read(student).orElseThrow(() -> UserError.badInput(store.out() + " has no readable record for "
                + student + " (" + ResultStore.RECORDS + "/" + student + ".json): grade that shard again."));
        if (!Files.isDirectory(store.folderOf(student))) {
            throw UserError.badInput(store.out() + " has no folder of reports for " + student + ": grade that shard again.");
        }
        return record;
    }

    /** A name a grading run gives a student (as SubmissionsFolder does): one folder in the output, not hidden, not a path. */
    private static boolean isStudentName(ResultStore store, String student) {
        if (student == null || student.isBlank() || student.startsWith(".")) {
            return false;
        }
        try {
            store.folderOf(student);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What a record says about the student, without when and how fast it was graded: two gradings of one submission agree on it. */
    private static GradeRecord withoutTimes(GradeRecord r) {
        return new GradeRecord(r.formatVersion(), r.student(), r.entry(), r.lesson(), r.submissionHash(), r.checksVersion(), r.status(),
                r.problem(), null, 0, r.missing(), r.stray(), r.tasks());
    }

    /** Each student's folder and record as their shard wrote them, replacing what an earlier run left under that name. */
    private static void write(Map<String, Graded> students, Path out) throws IOException {
        Files.createDirectories(out);
        ShardNote.clear(out); // the merged class is no shard
        ResultStore to = new ResultStore(out);
        for (Map.Entry<String, Graded> entry : students.entrySet()) {
            String student = entry.getKey();
            ResultStore from = new ResultStore(entry.getValue().from());
            Path folder = to.folderOf(student);
            FileTrees.deleteTree(folder);
            FileTrees.copyTree(from.folderOf(student), folder);
            Files.createDirectories(to.recordOf(student).getParent());
            Files.copy(from.recordOf(student), to.recordOf(student), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
