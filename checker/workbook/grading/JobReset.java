package workbook.grading;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.checker.run.ReferenceStates;

/**
 * Brings a job's database to a reference state: for the same submission (the state after a failed task),
 * or between two submissions, when everything the last one did goes and is proven gone. The admin only
 * drops and reads the catalogs; the states are built by the job's role itself, on its own session.
 */
final class JobReset {
    /**
     * Resets between two checkpoints on a server that syncs nothing. PostgreSQL 14 keeps the first file of
     * every dropped table and index, emptied, until the next checkpoint, and each reset drops a handful: after
     * 200 submissions a job's database held 1,100 files instead of 300, and the watch's pg_database_size,
     * which looks at each file 40 times a second, cost twice as much. A checkpoint there takes about 20 ms.
     */
    static final int CHECKPOINT_EVERY = 32;

    private final ReferenceStates states;
    private final JobSlots slots;
    private final GradingServer server;
    private final boolean checkpoints;
    private final AtomicInteger recycled = new AtomicInteger();

    JobReset(ReferenceStates states, JobSlots slots, GradingServer server) throws SQLException {
        this.states = states;
        this.slots = slots;
        this.server = server;
        this.checkpoints = server.syncsNothing();
    }

    /**
     * Builds the last reference state once, a file at a time, so that a reference solution that does not
     * run stops the run, named, before any student is graded; then empties the database again.
     */
    void proveSolutions(JobSlot slot) throws SQLException {
        try (Connection session = slot.sandbox().learner(slot.name())) {
            states.prove(session);
        }
        slot.adminExecute(slot.dropOwned());
    }

    /** Builds reference state {@code k} in the slot's empty database, in one round trip, as the slot's role. */
    JobSlot ready(JobSlot slot, int k) throws SQLException {
        try (Connection session = slot.sandbox().learner(slot.name())) {
            states.build(session, k);
        }
        slot.readyState = k;
        return slot;
    }

    /**
     * Makes the slot's database hold reference state {@code k} for the same submission: nothing to do when
     * it holds it untouched, else the admin drops what the role owns and the role builds the state in one
     * round trip. The submission's own idle sessions stay (a new login would buy no isolation within one submission).
     */
    JobSlot prepare(JobSlot slot, int k) throws SQLException {
        if (slot.readyState == k) {
            slot.readyState = -1;
            return slot;
        }
        slot.readyState = -1;
        slot.adminExecute(slot.dropOwned());
        return ready(slot, k);
    }

    /**
     * Between two submissions: ends every session on the database but the admin's and the sandbox's idle
     * ones, drops everything the role owns, proves that nothing is left and that the role is as created, in
     * one round trip; then the role builds the first reference state for the next submission. Whatever
     * fails that proof is replaced: the database, or the role and its sessions.
     */
    JobSlot recycle(JobSlot slot) {
        slot.readyState = -1;
        LeftoverProof.Verdict proof = LeftoverProof.after(slot, slot.endOtherSessions() + ";\n" + slot.dropOwned());
        try {
            // the database first: the old role can only be dropped once it owns nothing there
            JobSlot next = proof.emptied() ? slot : slots.replaceDatabase(slot);
            next = proof.roleUntouched() ? next : slots.replaceRole(next);
            if (checkpoints && recycled.incrementAndGet() % CHECKPOINT_EVERY == 0) {
                server.admin().execute("CHECKPOINT");
            }
            return ready(next, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset a grading database: " + e.getMessage(), e);
        }
    }
}
