package workbook.checker.run;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import workbook.ExitCode;
import workbook.UserError;
import workbook.checker.sandbox.Sandbox;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;
import workbook.sql.CommandTag;
import workbook.sql.ExceptionText;
import workbook.sql.ScriptRunner;
import workbook.sql.ScriptRunner.StopRule;
import workbook.sql.SqlSource;
import workbook.sql.SqlStatement;
import workbook.sql.SqlText;
import workbook.sql.StatementRun;
import workbook.sql.TransactionStatus;
import workbook.terminal.FailureReport;

/**
 * {@code check --apply}: runs a learner's passing exercise files on their own crm_db, in order, in one
 * transaction, so crm_db ends where the assignment leads. The files are untrusted text and the admin may
 * be a superuser, so they never run as the admin: the lesson's tables are handed to the sandbox's role
 * (wb_learner, which logs in as itself, so no RESET ROLE leads back), the files run in one transaction of
 * that role's session, and the admin hands everything the role owns in crm_db back (REASSIGN OWNED, no
 * code of the files runs) whether the transaction committed or not. Before it commits, the transaction
 * refuses what would later run with the owner's rights rather than the caller's: functions, views, rules.
 */
public final class AssignmentApplier {
    /** Transaction control folded into the apply's one transaction: the file's BEGIN and COMMIT are said, not sent. */
    private static final Set<String> FOLDED = Set.of("BEGIN", "START TRANSACTION", "COMMIT");
    /** Transaction control that one transaction cannot honour; a file holding any is not applied. */
    private static final Set<String> REFUSED = Set.of("ROLLBACK", "SAVEPOINT", "RELEASE", "PREPARE TRANSACTION",
            "COMMIT PREPARED", "ROLLBACK PREPARED");
    /** Objects of the files' role in crm_db whose code would run with their owner's rights once crmuser owns them. */
    private static final String OWNER_RIGHTS_CODE = """
            SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
              FROM pg_catalog.pg_shdepend AS d
             WHERE d.deptype OPERATOR(pg_catalog.=) 'o'
               AND d.refobjid OPERATOR(pg_catalog.=) (SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER)
               AND d.dbid OPERATOR(pg_catalog.=) (SELECT b.oid FROM pg_catalog.pg_database AS b WHERE b.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
               AND (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                    OR d.objid OPERATOR(pg_catalog.=) ANY (SELECT c.oid FROM pg_catalog.pg_class AS c
                        WHERE c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['v', 'm']::pg_catalog."char"[])))
            UNION ALL
            SELECT pg_catalog.pg_describe_object('pg_catalog.pg_rewrite'::pg_catalog.regclass, w.oid, 0)
              FROM pg_catalog.pg_rewrite AS w
              JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) w.ev_class
             WHERE w.rulename OPERATOR(pg_catalog.<>) '_RETURN'
               AND c.relnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace""";

    private final TaskSet set;
    private final ServerAccess server;
    private final SubmittedFiles files;
    private final String shownFolder;

    public AssignmentApplier(TaskSet set, ServerAccess server, Path folder, String shownFolder) {
        this.set = set;
        this.server = server;
        this.files = SubmittedFiles.in(folder);
        this.shownFolder = shownFolder;
    }

    /** What applied: statements run, and remarks (a BEGIN folded into the one transaction). */
    public record Applied(int statements, List<String> notes) {
    }

    /**
     * Where crm_db differs from the state the assignment starts from (reference state 0), one phrase per
     * difference; empty when it is there. {@code progress} hears about slow work first.
     */
    public List<String> differencesFromStart(Consumer<String> progress) throws SQLException {
        server.prepareReferenceStates(set, progress);
        Map<String, String> start = shapeOfReference(0);
        Map<String, String> end = shapeOfReference(set.tasks().size());
        try (Handle admin = server.admin()) {
            return DatabaseShape.differences(start, DatabaseShape.read(admin, set), end);
        }
    }

    private Map<String, String> shapeOfReference(int state) throws SQLException {
        String name = server.referenceState(set, state);
        try (Connection c = server.judge(name); Handle handle = server.handleOn(c)) {
            return DatabaseShape.read(handle, set);
        } finally {
            server.leave(name); // a kept state must have no session, or it cannot be copied
        }
    }

    /**
     * Applies the files of {@code tasks}, in order, in one transaction on crm_db, or nothing at all: a file
     * that cannot be read or holds transaction control one transaction cannot honour is refused before
     * anything runs; a statement that fails rolls everything back and is named.
     *
     * @throws UserError when refused or rolled back, saying why; crm_db is then as it was
     */
    public Applied apply(List<Task> tasks) throws SQLException {
        List<String> notes = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        for (Task task : tasks) {
            scripts.add(read(task, notes));
        }
        Sandbox sandbox = server.sandbox();
        String database = server.info().database();
        handBack(); // a run killed between hand-over and hand-back left crm_db's tables with the sandbox's role
        try {
            handOver(sandbox.role().name());
        } catch (RuntimeException e) {
            throw UserError.environment("Not applied: cannot hand crm_db's tables to " + sandbox.role().name() + " (" + ExceptionText.causeLine(e)
                    + "); is a transaction open on them in psql or the notebook? Nothing was changed.", e);
        }
        int sent = 0;
        try (Sandbox.Turn turn = sandbox.startTurn(); Connection files = server.learner(database)) {
            files.setAutoCommit(false);
            for (Script script : scripts) {
                List<StatementRun> runs = ScriptRunner.run(files, script.statements(), StopRule.FIRST_FAILURE, run -> { });
                Optional<StatementRun> failed = runs.stream().filter(StatementRun::failed).findFirst();
                sent += (int) runs.stream().filter(r -> !r.skipped()).count();
                String limit = sandbox.stopped().or(sandbox::takeLimitHit).orElse(null);
                if (limit != null || failed.isPresent()) {
                    throw rolledBack(limit != null ? script.shown() + " was stopped: " + limit
                            : FailureReport.compact(failed.get(), script.shown(), null).lines().findFirst().orElse(""));
                }
                if (TransactionStatus.of(files) != TransactionStatus.OPEN) {
                    // cannot happen while transaction control is kept out (read); if it does, say so rather than "rolled back"
                    throw UserError.environment("Stopped: " + script.shown() + " ended --apply's transaction, so what ran before its end"
                            + " may be in crm_db. See it: `./jbang check " + set.lesson() + " --live`.", null);
                }
            }
            List<String> ownerRights = ownerRightsCode(files);
            if (!ownerRights.isEmpty()) {
                throw new UserError(ExitCode.BAD_INPUT, "Not applied: your files create " + String.join(", ", ownerRights)
                        + ", which would run with " + server.info().user() + "'s rights once " + server.info().user()
                        + " owns them; --apply carries tables, columns, constraints,"
                        + " indexes and rows. Rolled back: crm_db is as it was.");
            }
            try (Statement s = files.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO on"); // crm_db is the learner's own: the commit waits for the disk
                // notifications reach a listening session after its commit: a flood would break it past the commit's point
                s.execute("UNLISTEN *");
            }
            try {
                files.commit();
            } catch (SQLException e) {
                throw UserError.environment("The connection broke while committing (" + e.getMessage() + "): crm_db holds either all of"
                        + " your files' work or none of it. See which: `./jbang check " + set.lesson() + " --live`.", e);
            }
        } catch (SQLException e) {
            throw rolledBack("the session ended: " + e.getMessage());
        } finally {
            server.leave(database);
            handBack();
        }
        return new Applied(sent, notes);
    }

    private static UserError rolledBack(String why) {
        return new UserError(ExitCode.CHECKS_FAILED, "Not applied: " + why + ". Rolled back: crm_db is as it was.");
    }

    /** A task's file as statements to send, its BEGIN and COMMIT folded into the one transaction (said in {@code notes}). */
    private Script read(Task task, List<String> notes) {
        String shown = shownFolder + task.file();
        SqlText source;
        try {
            Optional<byte[]> bytes = files.read(task.file());
            if (bytes.isEmpty()) {
                throw UserError.badInput("Not applied: " + shown + " is missing. Nothing was changed.");
            }
            source = SqlSource.decode(Path.of(task.file()), bytes.get());
        } catch (IOException e) {
            throw UserError.badInput("Not applied: cannot read " + shown + ": " + e.getMessage() + ". Nothing was changed.");
        }
        if (!source.ok()) {
            throw UserError.badInput("Not applied: " + shown + ": " + source.problem() + ". Nothing was changed.");
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (SqlStatement statement : source.statements()) {
            String tag = statement.isMeta() ? "" : CommandTag.of(statement.text(), -1, TransactionStatus.IDLE);
            if (REFUSED.contains(tag)) {
                throw UserError.badInput("Not applied: " + shown + ":" + statement.line() + ": `" + statement.firstLine(40)
                        + "` cannot run inside the one transaction --apply uses; remove it and check again. Nothing was changed.");
            }
            if (FOLDED.contains(tag)) {
                notes.add(shown + ":" + statement.line() + ": `" + statement.firstLine(40) + "` not sent: all files run in one transaction");
            } else {
                statements.add(statement);
            }
        }
        return new Script(shown, statements);
    }

    private record Script(String shown, List<SqlStatement> statements) {
    }

    /** Read in the files' own session before it commits: pinned names, so nothing the files planted answers. */
    private static List<String> ownerRightsCode(Connection files) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = files.createStatement()) {
            s.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            try (ResultSet rs = s.executeQuery(OWNER_RIGHTS_CODE)) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * Gives the tables of crm_db's schema public that the admin owns to {@code role}, committed, so the files'
     * session may alter them. Only the admin's own: a table of a third role stays out of the files' reach.
     */
    private void handOver(String role) throws SQLException {
        try (Handle admin = server.admin()) {
            admin.useTransaction(h -> {
                // a session in psql or the notebook holding the table would make ALTER TABLE wait for ever
                h.execute("SET LOCAL lock_timeout = '5s'");
                List<String> tables = h.createQuery("SELECT c.relname FROM pg_catalog.pg_class AS c"
                                + " WHERE c.relnamespace OPERATOR(pg_catalog.=) 'public'::pg_catalog.regnamespace"
                                + " AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'p']::pg_catalog.\"char\"[])"
                                + " AND c.relowner OPERATOR(pg_catalog.=) (SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER)")
                        .mapTo(String.class).list();
                try (Statement s = h.getConnection().createStatement()) {
                    for (String table : tables) {
                        // sent as written: a learner's table name may hold a colon, which Jdbi would read as a parameter
                        s.execute("ALTER TABLE public." + DatabaseShape.quote(table) + " OWNER TO " + DatabaseShape.quote(role));
                    }
                }
            });
        }
    }

    /**
     * Everything the sandbox's role owns in crm_db goes back to the admin: a catalog change, no code of the files runs.
     * The sandbox's sessions were closed just before; their backends give back their locks as they exit, and the lock
     * table is the whole server's, so until they have, REASSIGN can find no room for its own (53200, "out of shared
     * memory", seen in CI after a file that took many locks). It tries again for a few seconds.
     */
    private void handBack() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try (Handle admin = server.admin()) {
                admin.execute("REASSIGN OWNED BY " + DatabaseShape.quote(server.sandbox().role().name()) + " TO CURRENT_USER");
                return;
            } catch (UnableToExecuteStatementException e) {
                boolean lockTableFull = e.getCause() instanceof SQLException sql && "53200".equals(sql.getSQLState());
                if (!lockTableFull || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
