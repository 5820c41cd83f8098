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
import workbook.db.ConnectionInfo;

/**
 * The reference states of an assignment as template databases on the learner's server: state 0 is the
 * lesson's end state (setup.sql), state k adds the reference solutions of tasks 1..k. Built once and
 * reused while setup.sql and the solutions stay the same (their hash is in the names), so a check run
 * only clones one (CREATE DATABASE ... TEMPLATE, tens of milliseconds).
 */
public final class ReferenceTemplates {
    /** Bump when the way templates are built changes, so old ones are not reused (2: built by the sandbox's role). */
    private static final String BUILD_VERSION = "2";
    private static final String PREFIX = "wb_tpl_";

    private final TaskSet set;
    private final ServerAccess server;
    private final String stem;

    public ReferenceTemplates(TaskSet set, ServerAccess server) {
        this.set = set;
        this.server = server;
        this.stem = PREFIX + set.lesson().toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + hash(set) + "_";
    }

    /** The template holding the reference state after {@code tasksDone} tasks (0: the lesson's end state). */
    public String name(int tasksDone) {
        return stem + tasksDone;
    }

    /** True when every state is already built (no slow work ahead). */
    public boolean ready() {
        try (Handle admin = server.admin()) {
            return exists(admin, name(set.tasks().size()));
        }
    }

    /**
     * Builds whatever state is missing, under an advisory lock so two check runs (or a grader's workers)
     * never build the same template twice; stale templates of older content are dropped on the way.
     */
    public void ensureBuilt() throws SQLException {
        try (Handle admin = server.admin()) {
            admin.execute("SELECT pg_advisory_lock(hashtext('workbook reference templates'))");
            try {
                for (int k = 0; k <= set.tasks().size(); k++) {
                    if (!exists(admin, name(k))) {
                        build(admin, k);
                    }
                }
                dropStale(admin);
            } finally {
                admin.execute("SELECT pg_advisory_unlock(hashtext('workbook reference templates'))");
            }
        }
    }

    /*
     * Filled under a temporary name and renamed when complete, so a crash never leaves a half-built template.
     * The instructor's SQL runs as the sandbox's role, so its objects belong to that role and a learner's file
     * (run as the same role) may alter them, as it may in crm_db, while the admin never runs inside.
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
                try (Statement s = c.createStatement()) {
                    s.execute(Files.readString(set.setupFile(), StandardCharsets.UTF_8));
                }
            } else {
                Task task = set.tasks().get(k - 1);
                FileRun run = new ExerciseRunner(set.errorNotes()).run(set.solutionFile(task), "solutions/" + set.lesson() + "/" + task.file(), c);
                if (!run.sqlErrors().isEmpty() || run.status() != FileRun.Status.RAN) {
                    throw new IllegalStateException("the reference solution of " + task.id() + " does not run cleanly: "
                            + String.join("; ", run.sqlErrors()) + " " + run.status());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + set.setupFile() + ": " + e.getMessage(), e);
        } finally {
            server.leave(building); // a database anyone is connected to can neither be renamed nor copied
        }
        admin.execute("ALTER DATABASE " + building + " RENAME TO " + name(k));
    }

    private void dropStale(Handle admin) {
        String lessonPrefix = stem.substring(0, stem.length() - 13);
        List<String> stale = admin.createQuery("SELECT datname FROM pg_database WHERE datname LIKE :p AND datname NOT LIKE :current")
                .bind("p", lessonPrefix.replace("_", "\\_") + "%")
                .bind("current", stem.replace("_", "\\_") + "%")
                .mapTo(String.class).list();
        for (String name : stale) {
            try {
                admin.execute("DROP DATABASE IF EXISTS " + name);
            } catch (RuntimeException inUse) {
                // another run may still clone it; it goes next time
            }
        }
    }

    private static boolean exists(Handle admin, String name) {
        return admin.createQuery("SELECT count(*) FROM pg_database WHERE datname = :n").bind("n", name).mapTo(Integer.class).one() > 0;
    }

    /** 12 hex digits over setup.sql and every solution, so editing either builds fresh templates. */
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

    /** How to connect to the template of a reference state (to look inside it; never to change it). */
    public ConnectionInfo connectionTo(int tasksDone) {
        return server.info().withDatabase(name(tasksDone));
    }
}
