package workbook.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import workbook.TestDatabase;
import workbook.UserError;
import workbook.checker.run.AssignmentApplier;
import workbook.db.ConnectionInfo;
import workbook.terminal.Console;

/**
 * `check lesson3 --apply` on a learner's crm_db where crmuser is a superuser: the passing files land in
 * one transaction, crm_db then matches the reference end state; a changed or already applied crm_db, a
 * failing file and a hostile file change nothing at all.
 */
class CheckApplyTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final String homeBefore = System.getProperty("workbook.home");

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty("workbook.home");
        } else {
            System.setProperty("workbook.home", homeBefore);
        }
    }

    /** The command as a learner runs it, in a checkout whose exercises/lesson3/ holds {@code files} over the starters. */
    private int check(Path files, ConnectionInfo crmDb, String... args) {
        System.setProperty("workbook.home", checkout(files).toString());
        CheckCommand command = new CheckCommand();
        command.console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        String[] all = new String[args.length + 3];
        all[0] = "lesson3";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--url";
        all[args.length + 2] = crmDb.jdbcUrl() + "?user=" + crmDb.user() + "&password=" + crmDb.password();
        // as CommandRunner does, but its one line lands in this test's output rather than the JVM's stderr
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof UserError error) {
                out.writeBytes((error.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return error.exitCode();
            }
            throw ex;
        });
        return cli.execute(all);
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A checkout of its own: the lesson's exercises and solutions, with {@code files} laid over the starters. */
    static Path checkout(Path files) {
        try {
            Path root = Files.createTempDirectory("apply-home-");
            Path exercises = Files.createDirectories(root.resolve("exercises/lesson3"));
            Path solutions = Files.createDirectories(root.resolve("solutions/lesson3"));
            copyAll(CheckerFixture.starters(), exercises);
            copyAll(files, exercises);
            copyAll(CheckerFixture.solutions(), solutions);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (var list = Files.list(from)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A crm_db where the lesson was walked: users as the lesson makes it, Alice in it. */
    static CheckerFixture lessonDone(String name) throws Exception {
        CheckerFixture fixture = new CheckerFixture(name);
        sql(fixture.crmDb, Files.readString(CheckerFixture.LESSON3.setupFile()));
        return fixture;
    }

    static void sql(ConnectionInfo db, String sql) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * What --apply must get right, read from the catalog independently of the workbook's code: columns,
     * constraints, indexes, functions and triggers in public, who owns each table, and every user's row.
     */
    static String catalog(ConnectionInfo db, boolean owners) throws Exception {
        String sql = """
                SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
                  SELECT 'column ' || attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod)
                         || CASE WHEN attnotnull THEN ' not null' ELSE '' END
                         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS x
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                   WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r')
                     AND attnum > 0 AND NOT attisdropped
                  UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                  UNION ALL SELECT 'index ' || indexrelid::regclass || ' ' || pg_get_indexdef(indexrelid) FROM pg_index
                   WHERE indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                  UNION ALL SELECT 'function ' || oid::regprocedure FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                    AND oid NOT IN (SELECT evtfoid FROM pg_event_trigger)
                  UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                  UNION ALL SELECT 'owner ' || relname || ' ' || relowner::regrole FROM pg_class
                   WHERE %s AND relnamespace = 'public'::regnamespace
                  UNION ALL SELECT 'row ' || (row_to_json(u)::jsonb - 'updated_at' - 'id' - 'created_at')::text FROM users u
                ) AS everything""".formatted(owners);
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The kept reference state after every task, as `check` built it on this server. */
    static ConnectionInfo referenceEndState(ConnectionInfo crmDb) throws Exception {
        try (Connection c = TestDatabase.connect(crmDb); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'wb\\_ref\\_lesson3\\_%\\_5'")) {
            assertThat(rs.next()).as("the end state is kept").isTrue();
            return crmDb.withDatabase(rs.getString(1));
        }
    }

    @Test
    void applyLeavesCrmDbInTheReferenceEndStateAndRefusesASecondTime() throws Exception {
        CheckerFixture fixture = lessonDone("crm_apply_ok");
        int code = check(CheckerFixture.solutions(), fixture.crmDb, "--apply", "--yes");
        assertThat(code).as(said()).isZero();
        assertThat(said()).contains("All done. Carry your work into crm_db: `./jbang check lesson3 --apply` (or psql -f each file, in order).")
                .contains("exercises/lesson3/01-add-columns.sql:" + lineOf(CheckerFixture.solutions().resolve("01-add-columns.sql"), "BEGIN;")
                        + ": `BEGIN` not sent: all files run in one transaction")
                .contains("Applied tasks 1, 2, 3, 4, 5 to crm_db").contains("crm_db now holds the assignment's end state");
        String applied = catalog(fixture.crmDb, true);
        assertThat(catalog(fixture.crmDb, false)).isEqualTo(catalog(referenceEndState(fixture.crmDb), false));
        assertThat(applied).contains("owner users crmuser", "index users_email_lower_idx", "column users.first_name character varying(100) not null",
                "\"first_name\": \"Alicia\"").doesNotContain("bob@example.com").doesNotContain("wb_learner");

        out.reset();
        assertThat(check(CheckerFixture.solutions(), fixture.crmDb, "--apply", "--yes")).isEqualTo(3);
        assertThat(said()).contains("Not applied: crm_db is not where the assignment starts (where lesson lesson3 leaves it): ")
                .contains(": the assignment was applied already?").contains("Nothing was changed.");
        assertThat(catalog(fixture.crmDb, true)).isEqualTo(applied);
    }

    /** Runs the command on {@code fixture}'s crm_db and proves it refused with {@code code} and {@code message}, changing nothing. */
    private void assertCommandRefuses(CheckerFixture fixture, Path files, int code, String message, String... args) throws Exception {
        String before = catalog(fixture.crmDb, true);
        assertThat(check(files, fixture.crmDb, args)).as(said()).isEqualTo(code);
        assertThat(said()).contains(message);
        assertThat(catalog(fixture.crmDb, true)).isEqualTo(before);
    }

    /** Applies {@code files} on {@code fixture}'s crm_db directly (as if they had passed) and proves it refused with {@code message}, changing nothing. */
    private static void assertApplyRefuses(CheckerFixture fixture, Path files, String message) throws Exception {
        AssignmentApplier applier = applier(fixture, files);
        String before = catalog(fixture.crmDb, true);
        assertThatThrownBy(() -> applier.apply(CheckerFixture.LESSON3.tasks())).isInstanceOf(UserError.class).hasMessage(message);
        assertThat(catalog(fixture.crmDb, true)).isEqualTo(before);
    }

    @Test
    void aChangedCrmDbIsRefusedSayingWhatDiffers() throws Exception {
        CheckerFixture fixture = lessonDone("crm_apply_changed");
        sql(fixture.crmDb, "ALTER TABLE users ADD COLUMN phone text");
        assertCommandRefuses(fixture, CheckerFixture.solutions(), 3, "Not applied: crm_db is not where the assignment starts"
                + " (where lesson lesson3 leaves it): column users.phone already exists. Nothing was changed.", "--apply", "--yes");
    }

    @Test
    void withoutATerminalToAskOnNothingRunsUnlessYes() throws Exception {
        assertCommandRefuses(lessonDone("crm_apply_ask"), CheckerFixture.solutions(), 2,
                "Run tasks 1, 2, 3, 4, 5 from exercises/lesson3/ on crm_db (localhost:", "--apply");
        assertThat(said()).contains("Run `./jbang check lesson3 --apply --yes` to confirm (there is no terminal here to ask on).");
    }

    @Test
    void failingTasksApplyNothing() throws Exception {
        assertCommandRefuses(lessonDone("crm_apply_failing"), CheckerFixture.starters(), 1, "Not applied: --apply carries your work into crm_db"
                + " once every required task passes (task 1 does not yet). Nothing was changed.", "--apply", "--yes");
    }

    @Test
    void aStatementThatFailsOnCrmDbRollsEveryFileBack() throws Exception {
        Path files = CheckerFixture.overlay(CheckerFixture.solutions());
        Files.writeString(files.resolve("04-delete-bob.sql"), "DELETE FROM users WHERE email = 'bob@example.com';\nSELECT 1 / 0;\n");
        assertApplyRefuses(lessonDone("crm_apply_rollback"), files, "Not applied: exercises/lesson3/04-delete-bob.sql:2:1:"
                + " ERROR: division by zero (22012 division_by_zero). Rolled back: crm_db is as it was.");
    }

    @Test
    void transactionControlOneTransactionCannotHonourIsRefusedBeforeAnythingRuns() throws Exception {
        Path files = CheckerFixture.overlay(CheckerFixture.solutions());
        Files.writeString(files.resolve("03-update-alice.sql"),
                "BEGIN;\nUPDATE users SET first_name = 'Alicia', updated_at = now() WHERE email = 'alice@example.com';\nCOMMIT;\nROLLBACK;\n");
        assertApplyRefuses(lessonDone("crm_apply_savepoint"), files, "Not applied: exercises/lesson3/03-update-alice.sql:4: `ROLLBACK`"
                + " cannot run inside the one transaction --apply uses; remove it and check again. Nothing was changed.");
    }

    /** An apply killed between handing the tables over and taking them back leaves them with wb_learner: the next one mends it. */
    @Test
    void tablesAKilledApplyLeftWithTheSandboxRoleComeBack() throws Exception {
        CheckerFixture fixture = lessonDone("crm_apply_killed");
        AssignmentApplier applier = applier(fixture, CheckerFixture.solutions());
        sql(fixture.crmDb, "ALTER TABLE users OWNER TO wb_learner");
        applier.apply(CheckerFixture.LESSON3.tasks());
        assertThat(catalog(fixture.crmDb, true)).contains("owner users crmuser").doesNotContain("wb_learner");
    }

    static AssignmentApplier applier(CheckerFixture fixture, Path files) throws Exception {
        AssignmentApplier applier = new AssignmentApplier(CheckerFixture.LESSON3, fixture.server, files, "exercises/lesson3/");
        assertThat(applier.differencesFromStart(message -> { })).isEmpty();
        return applier;
    }

    /**
     * Files that pass in a scratch copy may still attack crm_db (a branch on current_database()): run on crm_db as
     * crmuser, a superuser, each would succeed. Run by --apply, each is refused and crm_db stays as it was.
     */
    @Test
    void attacksOnCrmDbRunWithoutTheAdminsRights() throws Exception {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "wb-apply-attack-" + ProcessHandle.current().pid());
        Files.deleteIfExists(marker);
        Map<String, String> attacks = Map.of(
                "program", "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                "role", "ALTER ROLE crmuser PASSWORD 'owned'",
                "superuser", "CREATE ROLE wb_evil SUPERUSER LOGIN PASSWORD 'x'",
                "reset role", "RESET ROLE; COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
                "passwords", "CREATE TABLE public.stolen AS SELECT rolname, rolpassword FROM pg_authid",
                "definer", "CREATE FUNCTION public.later() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$",
                "view", "CREATE VIEW public.secrets AS SELECT rolname, rolpassword FROM pg_catalog.pg_authid",
                "rule", "CREATE RULE spy AS ON INSERT TO users DO ALSO NOTIFY spy");
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            CheckerFixture fixture = lessonDone("crm_apply_attack");
            Path files = CheckerFixture.overlay(CheckerFixture.solutions());
            Files.writeString(files.resolve("02-insert-bob.sql"), Files.readString(files.resolve("02-insert-bob.sql")) + ";\n" + attack.getValue() + ";\n");
            AssignmentApplier applier = applier(fixture, files); // makes the sandbox's role, which is no attack's doing
            String before = catalog(fixture.crmDb, true);
            String roles = roles(fixture.crmDb);
            String why = switch (attack.getKey()) {
                case "program", "reset role", "role", "superuser", "passwords" -> "(42501 insufficient_privilege)";
                case "definer" -> "your files create function public.later(), which would run with crmuser's rights";
                case "view" -> "your files create view public.secrets, which would run with crmuser's rights";
                default -> "your files create rule spy on table public.users, which would run with crmuser's rights";
            };
            assertThatThrownBy(() -> applier.apply(CheckerFixture.LESSON3.tasks())).as(attack.getKey())
                    .isInstanceOf(UserError.class).hasMessageStartingWith("Not applied: ").hasMessageContaining(why)
                    .hasMessageEndingWith("crm_db is as it was.");
            assertThat(marker).as(attack.getKey()).doesNotExist();
            assertThat(catalog(fixture.crmDb, true)).as(attack.getKey()).isEqualTo(before);
            assertThat(roles(fixture.crmDb)).as(attack.getKey()).isEqualTo(roles);
        }
    }

    /** Every role with its attributes and password: what an attack on the server would change. */
    private static String roles(ConnectionInfo db) throws Exception {
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(a::text, E'\\n' ORDER BY rolname) FROM pg_authid a")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The 1-based line of the first line of {@code file} that is {@code text}, so a rewrapped comment above it moves nothing here. */
    private static int lineOf(Path file, String text) throws IOException {
        java.util.List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not a line of " + file);
    }
}
