package workbook.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbook.cli.CommandRunner;
import workbook.db.ConnectionInfo;
import workbook.terminal.Console;

/** Runs the lesson command as a learner would, against a test database, and keeps what it printed. */
record LessonRun(int exitCode, String output) {

    static String url(ConnectionInfo db) {
        return db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
    }

    /** Writes {@code markdown} to a notebook file in {@code dir} and runs the command on it. */
    static LessonRun of(Path dir, String markdown, ConnectionInfo db, String... options) throws IOException {
        Path file = dir.resolve("notes.md");
        Files.writeString(file, markdown);
        return ofFile(file.toString(), db, options);
    }

    static LessonRun ofFile(String lesson, ConnectionInfo db, String... options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(lesson, "--url", url(db)));
        args.addAll(List.of(options));
        int code = CommandRunner.run(new LessonCommand().printingTo(new Console(out, out, false)), args.toArray(String[]::new));
        return new LessonRun(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
