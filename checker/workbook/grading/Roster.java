//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-csv:2.20.1
package workbook.grading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import workbook.UserError;

/**
 * The class list given with {@code grade --roster FILE.csv}: who each submission is. The file's format:
 * <ul>
 *   <li>CSV as RFC 4180 has it (a field holding a comma, quote or line break is quoted, quotes doubled), or with
 *       semicolons between fields when the header has no comma (Excel's "CSV" in German or French), UTF-8 with
 *       or without the byte order mark a spreadsheet adds, lines ending in CRLF or LF, blank lines (or bare commas) skipped;</li>
 *   <li>a header row naming the columns, in any order, case and spaces aside ({@code SIS User ID} is
 *       {@code sis_user_id}): {@code submission}, required, and any of {@link #COLUMNS}; another name is refused,
 *       so a misspelt column cannot quietly leave a gradebook without its emails;</li>
 *   <li>one row per student; {@code submission} is the student's folder or zip in the submissions folder, without
 *       {@code .zip} (a trailing one is dropped), matched exactly; empty when the student handed nothing in.
 *       Two rows sharing a submission, id, email, SIS user or login ID are refused: a grade cannot go to two students.</li>
 * </ul>
 *
 * @param file     the roster as given
 * @param columns  the columns its header names, as in {@link #COLUMNS}
 * @param students one per row, in the file's order
 */
public record Roster(Path file, List<String> columns, List<Student> students) {
    public static final String SUBMISSION = "submission";
    public static final List<String> COLUMNS = List.of(SUBMISSION, "id", "name", "email", "sis_user_id", "sis_login_id", "section");
    /** The columns a gradebook finds a student by: two rows sharing one would give one student's grade to both. */
    static final List<String> UNIQUE = List.of(SUBMISSION, "id", "email", "sis_user_id", "sis_login_id");
    private static final Pattern ZIP = Pattern.compile("(?i)\\.zip$");

    public Roster {
        columns = List.copyOf(columns);
        students = List.copyOf(students);
    }

    /** One row: the fields the header names, empty strings for those it does not. */
    public record Student(int line, String submission, String id, String name, String email, String sisUserId, String sisLoginId,
                          String section) {
        /** How a list names the student: the name, else the email, else the submission. */
        public String label() {
            String who = !name.isEmpty() ? name : !email.isEmpty() ? email : submission;
            return who.isEmpty() ? "line " + line : who;
        }
    }

    /** The same roster with only the students {@code keep} accepts (a shard's slice). */
    public Roster only(Predicate<Student> keep) {
        return new Roster(file, columns, students.stream().filter(keep).toList());
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The roster in {@code file}; a file that is not one is refused with one line naming the place. */
    public static Roster read(Path file) {
        String text = utf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte order mark Excel's "CSV UTF-8" writes
        }
        CsvMapper csv = CsvMapper.builder()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = csv.createParser(text)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator(text)));
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr(); // the row's START_ARRAY sits at the line before
                    }
                    fields.add(parser.getText().strip());
                }
                if (fields.stream().anyMatch(f -> !f.isEmpty())) {
                    rows.add(new Row(line, fields)); // a row of bare commas is a spreadsheet's blank line
                }
            }
        } catch (JsonProcessingException e) {
            throw UserError.badInput(file + ":" + e.getLocation().getLineNr() + ": not valid CSV: " + e.getOriginalMessage()
                    + " (a field holding a comma or a line break needs double quotes around it).");
        } catch (IOException e) {
            throw UserError.badInput("Cannot read the roster " + file + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw UserError.badInput("The roster " + file + " is empty: its first row names the columns, " + SUBMISSION
                    + " and any of " + String.join(", ", COLUMNS.subList(1, COLUMNS.size())) + ".");
        }
        List<String> header = header(file, rows.get(0));
        return new Roster(file, header, students(file, header, rows.subList(1, rows.size())));
    }

    private record Row(int line, List<String> fields) {
    }

    /** ';' when the header holds one and no comma: Excel saves "CSV" so where a comma is the decimal mark (de, fr). */
    private static char separator(String text) {
        String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    }

    private static String utf8(Path file) {
        if (Files.isDirectory(file)) {
            throw UserError.badInput("--roster " + file + " is a folder; it names a CSV file, e.g. roster.csv.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw UserError.badInput("No roster " + file + " (--roster names a CSV file with a header row: " + String.join(", ", COLUMNS) + ").");
        } catch (IOException e) {
            throw UserError.badInput("Cannot read the roster " + file + ": " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // a name like "Zoë" in Windows-1252 would otherwise reach the gradebooks as a different name
            throw UserError.badInput("The roster " + file + " is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or UTF-8 (LibreOffice, Numbers).");
        }
    }

    private static List<String> header(Path file, Row row) {
        List<String> names = row.fields().stream().map(f -> f.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_")).toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!COLUMNS.contains(name)) {
                throw UserError.badInput(file + ":" + row.line() + ": unknown column `" + row.fields().get(i) + "` (known: "
                        + String.join(", ", COLUMNS) + ").");
            }
            if (names.indexOf(name) != i) {
                throw UserError.badInput(file + ":" + row.line() + ": the column `" + name + "` is named twice.");
            }
        }
        if (!names.contains(SUBMISSION)) {
            throw UserError.badInput("The roster " + file + " has no `" + SUBMISSION + "` column (its header: " + String.join(", ", row.fields())
                    + "); add one holding each student's folder or zip name in the submissions folder, without .zip.");
        }
        return names;
    }

    private static List<Student> students(Path file, List<String> header, List<Row> rows) {
        List<Student> students = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>(); // "email alice@example.edu" -> the line that names it
        for (Row row : rows) {
            if (row.fields().size() > header.size()) {
                throw UserError.badInput(file + ":" + row.line() + ": " + row.fields().size() + " fields, but the header names "
                        + header.size() + " columns (a field holding a comma needs double quotes: \"Doe, Jane\").");
            }
            Map<String, String> field = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                field.put(header.get(i), i < row.fields().size() ? row.fields().get(i) : "");
            }
            String submission = ZIP.matcher(field.get(SUBMISSION)).replaceFirst("");
            field.put(SUBMISSION, submission);
            for (String key : UNIQUE) {
                String value = field.getOrDefault(key, "");
                Integer before = value.isEmpty() ? null : lineOf.putIfAbsent(key + " " + value, row.line());
                if (before != null) {
                    throw UserError.badInput(file + ":" + row.line() + ": the " + key + " `" + value + "` is on line " + before
                            + " too; each " + key + " is one student's.");
                }
            }
            students.add(new Student(row.line(), submission, field.getOrDefault("id", ""), field.getOrDefault("name", ""),
                    field.getOrDefault("email", ""), field.getOrDefault("sis_user_id", ""), field.getOrDefault("sis_login_id", ""),
                    field.getOrDefault("section", "")));
        }
        return students;
    }
}
