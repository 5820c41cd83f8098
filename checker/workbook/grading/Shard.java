package workbook.grading;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.UserError;

/**
 * {@code --shard K/N}: the K-th of N slices of a class, so N machines grade it at once and {@code grade merge}
 * combines their outputs.
 *
 * <p>A student's slice is a stable hash of their name (the entry's name without .zip), SHA-256 taken modulo N,
 * so it depends on nothing but the name and N: not on the machine, the order a folder is listed in, or what the
 * other shards are doing. A slice by sorted position would balance the shards exactly, but one student added to
 * the class would move every student after them into another slice, and each shard's --out would then lose the
 * records it reuses for unchanged submissions; by hash a new student moves nobody. The price is a binomial
 * spread: 25,000 ± 140 per shard (one standard deviation) for 100,000 students in four, 10 ± 3 for 40 students.
 * alice/ and alice.zip name the same student, so they land in one slice and the conflict is seen as in one run.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("not a shard: " + index + "/" + count);
        }
    }

    /** The option as given, refused in one line when it is not K/N with 1 ≤ K ≤ N. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw UserError.badInput("--shard " + text + " is not K/N: name the slice to grade and how many there are, e.g. --shard 1/4.");
        }
        int k = number(m.group(1));
        int n = number(m.group(2));
        if (n < 1 || k < 1 || k > n) {
            throw UserError.badInput("--shard " + text + " is out of range: K is 1 to N, e.g. --shard 1/4 to --shard 4/4.");
        }
        return new Shard(k, n);
    }

    /** The digits' value, or -1 (out of range) past what an int holds. */
    private static int number(String digits) {
        String value = digits.replaceFirst("^0+(?=.)", "");
        return value.length() > 9 ? -1 : Integer.parseInt(value);
    }

    /** Whether this slice grades the student of that name. */
    public boolean holds(String student) {
        return sliceOf(student, count) == index;
    }

    /** The slice, 1 to {@code count}, a student's name falls in. */
    static int sliceOf(String student, int count) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(student.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This slice of the class: its entries and conflicting entries; the ignored ones are listed by every shard alike. */
    public SubmissionsFolder of(SubmissionsFolder whole) {
        List<SubmissionsFolder.Entry> entries = whole.entries().stream().filter(e -> holds(e.student())).toList();
        List<SubmissionsFolder.Entry> conflicts = whole.conflicts().stream().filter(e -> holds(e.student())).toList();
        return new SubmissionsFolder(whole.folder(), entries, whole.ignored(), conflicts);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
