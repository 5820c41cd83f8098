package workbook.grading;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import workbook.UserError;
import workbook.checker.task.TaskSet;

/** The gradebook options of {@code grade} (a picocli mixin, so every command that renders the class's reports takes them alike). */
public class RosterOptions {
    @Option(names = "--roster", paramLabel = "FILE.csv",
            description = "Who each submission is: a CSV with a header row naming submission (the folder or zip name, without .zip) "
                    + "and any of id, name, email, sis_user_id, sis_login_id, section. Adds canvas.csv, moodle.csv and roster-report.txt.")
    Path roster;

    @Option(names = "--assignment", paramLabel = "NAME",
            description = "The assignment's column in the Canvas and Moodle gradebooks (default: the exercise set's title; "
                    + "\"Name (12345)\" updates Canvas assignment 12345).")
    String assignment;

    @Option(names = "--lms-task-columns", description = "Also a column per task in the Canvas and Moodle gradebooks.")
    boolean taskColumns;

    /**
     * The gradebooks to write, or null without --roster; the roster is read and checked here, so a bad one stops the
     * command before any server starts.
     */
    public Gradebooks gradebooks(TaskSet set) {
        if (roster == null) {
            if (assignment != null || taskColumns) {
                throw UserError.badInput((assignment != null ? "--assignment" : "--lms-task-columns")
                        + " names a gradebook column; add --roster FILE.csv, which says whose grade each submission is.");
            }
            return null;
        }
        String name = assignment != null ? assignment.strip() : set.title() != null ? set.title() : set.lesson();
        if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
            throw UserError.badInput("--assignment needs a name on one line, e.g. --assignment \"Lesson 3\".");
        }
        return new Gradebooks(set, Roster.read(roster), name, taskColumns);
    }
}
