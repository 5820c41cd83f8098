package workbook.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.checker.CheckCellKind;
import workbook.cli.CommandRunner;
import workbook.db.ConnectionInfo;
import workbook.notebook.LessonCommand;
import workbook.terminal.Console;

/** A lab run with `--run-all` as a learner would, its output cut into the steps' outputs by step id. */
record LabRun(String output, Map<String, String> steps) {
    private static final Pattern STEP = Pattern.compile("(?m)^── Step \\d+ of \\d+ · .*\\(([a-z0-9-]+)\\) · ");

    static LabRun of(String lab, ConnectionInfo db) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
        int code = CommandRunner.run(new LessonCommand().withKind(new CheckCellKind()).printingTo(new Console(out, out, false)),
                lab, "--url", url, "--run-all");
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        Map<String, String> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(output);
        String id = null;
        int from = 0;
        while (m.find()) {
            if (id != null) {
                steps.put(id, output.substring(from, m.start()));
            }
            id = m.group(1);
            from = m.start();
        }
        if (id != null) {
            steps.put(id, output.substring(from));
        }
        return new LabRun(output, steps);
    }

    String step(String id) {
        assertThat(steps).as(output).containsKey(id);
        return steps.get(id);
    }

    /** The values shown under a one-column result named {@code column} in a step, in order. */
    List<String> values(String id, String column) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(column) + "\\s*\\n-+\\n\\s*(.*?)\\s*$").matcher(step(id));
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        assertThat(values).as("a column %s in step %s:\n%s", column, id, step(id)).isNotEmpty();
        return values;
    }

    String value(String id, String column) {
        return values(id, column).get(0);
    }
}
