package workbook.grading;

import java.sql.SQLException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.checker.run.ReferenceStates;

/**
 * One database, one sandbox role and its sessions per grading job ({@link JobSlot}), used by one
 * submission at a time and reset between them ({@link JobReset}), so a submission costs no CREATE
 * DATABASE (on a busy disk its two checkpoints take most of a second), no CREATE ROLE and no new server
 * process with cold caches.
 *
 * <p>Why this is as isolating as a fresh database and role: everything a submission can create belongs to
 * its role, and nothing else in the database is writable to it (it owns neither the database nor a schema,
 * cannot create schemas or extensions, and is a member of no role, so SET ROLE leads nowhere). Between
 * two submissions the admin drops everything the role owns and proves that no object is left and that the
 * role is as created ({@link LeftoverProof}); the sessions are reset by DISCARD ALL after every use;
 * anything else replaces the database or the role (and its sessions) ({@link JobSlots}).
 */
final class DatabasePool implements AutoCloseable {
    private final JobSlots slots;
    private final JobReset reset;
    private final LinkedBlockingQueue<JobSlot> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger alive = new AtomicInteger();

    /** Makes {@code size} slots; when that fails half-way (too many clients, say), removes what it made before saying so. */
    DatabasePool(GradingServer server, ReferenceStates states, int size, String stem) throws SQLException {
        this.slots = new JobSlots(server, stem);
        try {
            this.reset = new JobReset(states, slots, server);
            for (int i = 1; i <= size; i++) {
                JobSlot slot = slots.create();
                if (i == 1) {
                    reset.proveSolutions(slot);
                }
                idle.add(reset.ready(slot, 0));
                alive.incrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A job's slot; fails (rather than waiting for ever) once every slot was lost to a reset that failed. */
    JobSlot lease() throws InterruptedException, SQLException {
        while (true) {
            JobSlot slot = idle.poll(200, TimeUnit.MILLISECONDS);
            if (slot != null) {
                return slot;
            }
            if (alive.get() == 0) {
                throw new SQLException("no grading database is left: resetting them failed (see the earlier submissions' problems)");
            }
        }
    }

    /** Reference state {@code k} in the slot's database, for the submission that holds it (see {@link JobReset#prepare}). */
    JobSlot prepare(JobSlot slot, int k) throws SQLException {
        return reset.prepare(slot, k);
    }

    /**
     * Takes a slot back after its submission: emptied, proven and ready for the next one. A slot whose
     * reset failed is gone for good; the other jobs go on.
     */
    void release(JobSlot slot) {
        try {
            idle.add(reset.recycle(slot));
        } catch (IllegalStateException e) {
            alive.decrementAndGet();
        }
    }

    @Override
    public void close() {
        idle.clear();
        slots.close();
    }
}
