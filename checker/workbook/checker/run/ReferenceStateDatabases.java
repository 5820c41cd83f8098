package workbook.checker.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import workbook.checker.sandbox.SandboxDatabase;
import workbook.checker.task.Task;
import workbook.checker.task.TaskSet;

/**
 * The reference states of an assignment kept as databases on the learner's server, for `check`: built
 * once by {@link ReferenceStates} and reused while setup.sql and the solutions stay the same (their hash
 * is in the names, wb_ref_LESSON_HASH_K), so a check run only copies one (CREATE DATABASE ... TEMPLATE,
 * tens of milliseconds).
 */
final class ReferenceStateDatabases {
    /** Bump when the way the states are built changes, so old ones are not reused (3: by the builder grading shares). */
    private static final String BUILD_VERSION = "3";
    private static final String PREFIX = "wb_ref_";
    /** What versions before 3 named them; a learner's are dropped as stale by the first check that builds anew. */
    private static final String OLD_PREFIX = "wb_tpl_";

    private final TaskSet set;
    private final ReferenceStates states;
    private final ServerAccess server;
    private final String lessonPart;
    private final String stem;

    ReferenceStateDatabases(TaskSet set, ServerAccess server) {
        this.set = set;
        this.states = new ReferenceStates(set);
        this.server = server;
        this.lessonPart = set.lesson().toLowerCase().replaceAll("[^a-z0-9]", "_");
        this.stem = PREFIX + lessonPart + "_" + hash(set) + "_";
    }

    /** The database holding the reference state after {@code tasksDone} tasks (0: the lesson's end state). */
    String name(int tasksDone) {
        return stem + tasksDone;
    }

    /** True when every state is already built (no slow work ahead), by the names of the workbook's databases. */
    boolean ready(List<String> databases) {
        return databases.contains(name(states.last()));
    }

    /**
     * Builds whatever state is missing, under an advisory lock so two check runs never build the same
     * state twice; stale states of older content are dropped on the way. {@code admin} is a session of the
     * admin's; {@code databases} the workbook's databases as it saw them a moment ago: when every state is
     * there and none is stale, as at nearly every run, nothing more is asked.
     */
    void ensureBuilt(Handle admin, List<String> databases) throws SQLException {
        boolean allThere = true;
        for (int k = 0; k <= states.last(); k++) {
            allThere &= databases.contains(name(k));
        }
        if (allThere && databases.stream().noneMatch(this::stale)) {
            return;
        }
        admin.execute("SELECT pg_advisory_lock(hashtext('workbook reference states'))");
        try {
            for (int k = 0; k <= states.last(); k++) {
                if (!ScratchDatabase.exists(admin, name(k))) {
                    build(admin, k);
                }
            }
            dropStale(admin);
        } finally {
            admin.execute("SELECT pg_advisory_unlock(hashtext('workbook reference states'))");
        }
    }

    /*
     * State 0 in a new database, state k in a copy of state k-1 with task k's solution applied, one file
     * at a time so that a solution that fails is named. Filled under a temporary name and renamed when
     * complete, so a crash never leaves a half-built state. Built in the sandbox: its objects belong to the
     * sandbox's role, so a learner's file (run as the same role) may alter them, as it may in crm_db.
     */
    private void build(Handle admin, int k) throws SQLException {
        String building = name(k) + "_building";
        admin.execute("DROP DATABASE IF EXISTS " + building);
        admin.execute("CREATE DATABASE " + building + " TEMPLATE " + (k == 0 ? "template0" : name(k - 1)));
        if (k == 0) {
            try (Connection fresh = server.adminOnFresh(building); Statement s = fresh.createStatement()) {
                s.execute(SandboxDatabase.openTo(server.sandbox().role().name(), server.sandbox().limits()));
            }
        }
        try (Connection c = server.learner(building)) {
            if (k == 0) {
                states.build(c, 0);
            } else {
                states.applySolution(c, k).ifPresent(failed -> {
                    throw new IllegalStateException(failed);
                });
            }
        } finally {
            server.leave(building); // a database anyone is connected to can neither be renamed nor copied
        }
        admin.execute("ALTER DATABASE " + building + " RENAME TO " + name(k));
    }

    /** This lesson's state of older content, or named as before version 3, or a spare of one; not another lesson's. */
    private boolean stale(String database) {
        return database.matches("^(" + PREFIX + "|" + OLD_PREFIX + ")" + lessonPart + "_[0-9a-f]{12}_.*") && !database.startsWith(stem);
    }

    /** Drops the {@link #stale} databases the server holds now (under the build's lock: another run may have made some). */
    private void dropStale(Handle admin) {
        List<String> stale = ScratchDatabase.workbookDatabases(admin).stream().filter(this::stale).toList();
        for (String name : stale) {
            try {
                admin.execute("DROP DATABASE IF EXISTS " + name);
            } catch (RuntimeException inUse) {
                // another run may still copy it; it goes next time
            }
        }
    }

    /** 12 hex digits over setup.sql and every solution, so editing either builds fresh states. */
    static String hash(TaskSet set) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(BUILD_VERSION.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(set.setupFile()));
            for (Task task : set.tasks()) {
                digest.update(task.id().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(set.solutionFile(task))) {
                    digest.update(Files.readAllBytes(set.solutionFile(task)));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the assignment's setup and solutions: " + e.getMessage(), e);
        }
    }
}
