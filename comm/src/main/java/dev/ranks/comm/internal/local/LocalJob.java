package dev.ranks.comm.internal.local;

import dev.ranks.comm.DeadlockException;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobAbortedException;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.JobResult.Outcome;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The shared state of one local job: mailboxes, how the job ended, and which ranks are parked on
 * what. The monitor of this object guards the parked-rank registry and the end state.
 */
final class LocalJob {
    private final int size;
    private final Settings settings;
    private final Mailbox[] boxes;
    private final long startNanos = System.nanoTime();
    /** Objects the ranks share through {@link LocalSharedMemory}, by key. */
    private final ConcurrentHashMap<Object, Object> areas = new ConcurrentHashMap<>();

    private final Wait[] parkedOn;
    private final Thread[] parkedThreads;
    private final boolean[] finished;
    private final Thread[] rankThreads;
    private int parked;
    private int live;

    /** How the job ended; null while it runs. Written under the monitor, read without it. */
    private volatile JobResult end;
    /** Opens when every rank has exited or the job has ended, whichever comes first. */
    private final CountDownLatch settled = new CountDownLatch(1);

    LocalJob(int size, Settings settings) {
        this.size = size;
        this.settings = settings;
        this.boxes = new Mailbox[size];
        for (int i = 0; i < size; i++) {
            boxes[i] = new Mailbox(i, fastBoxes() ? size : 0);
        }
        this.parkedOn = new Wait[size];
        this.parkedThreads = new Thread[size];
        this.finished = new boolean[size];
        this.rankThreads = new Thread[size];
        this.live = size;
    }

    /** @return whether ranks send small messages through fast boxes; not in jobs too big to poll every box */
    boolean fastBoxes() {
        return size <= FastBox.MAX_RANKS;
    }

    int size() {
        return size;
    }

    Settings settings() {
        return settings;
    }

    Mailbox mailbox(int rank) {
        return boxes[rank];
    }

    ConcurrentHashMap<Object, Object> areas() {
        return areas;
    }

    double wtime() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized void rankThread(int rank, Thread thread) {
        rankThreads[rank] = thread;
    }

    void settle() {
        settled.countDown();
    }

    void awaitSettled() throws InterruptedException {
        settled.await();
    }

    /** @return how the job ended, or null while it runs */
    JobResult end() {
        return end;
    }

    /** Throws the job-ending error if the job has ended. */
    void checkRunning(int rank) {
        JobResult e = end;
        if (e != null) {
            throw errorFor(e, rank);
        }
    }

    /**
     * Registers a rank as parked on a wait; ends the job if that leaves every live rank stuck.
     * The caller's wait loop then sees the end and throws.
     */
    synchronized void block(int rank, Wait wait) {
        parkedOn[rank] = wait;
        parkedThreads[rank] = Thread.currentThread();
        parked++;
        if (end == null && stuck()) {
            endWith(new JobResult(Outcome.DEADLOCK, -1, new DeadlockException(-1, report()), 0));
        }
    }

    /**
     * Runs the deadlock check again for a parked rank that took in a fast-box message which did not
     * end its wait: while the message sat in the box, the check counted the rank as able to move.
     */
    synchronized void recheck() {
        if (end == null && stuck()) {
            endWith(new JobResult(Outcome.DEADLOCK, -1, new DeadlockException(-1, report()), 0));
        }
    }

    synchronized void unblock(int rank) {
        parkedOn[rank] = null;
        parkedThreads[rank] = null;
        parked--;
    }

    synchronized void finished(int rank) {
        finished[rank] = true;
        live--;
        if (end == null && live > 0 && stuck()) {
            endWith(new JobResult(Outcome.DEADLOCK, -1, new DeadlockException(-1, report()), 0));
        }
    }

    /** A rank's program threw. The first failure ends the job; the rest are its consequences. */
    synchronized void failed(int rank, Throwable cause) {
        finished[rank] = true;
        live--;
        if (end == null) {
            endWith(new JobResult(Outcome.FAILED, rank, cause, 0));
        }
    }

    synchronized RanksException abort(int rank, int code) {
        if (end == null) {
            RanksException where = new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " called abort("
                    + code + ")", null);
            endWith(new JobResult(Outcome.ABORTED, rank, where, code));
        }
        return errorFor(end, rank);
    }

    /**
     * Whether every live rank is parked on a wait that is not over. Only rank threads make
     * progress on this device, so such a job can never move again. A wait that is over but whose
     * thread has not woken yet counts as progress, and so does an interrupted parked thread: it
     * will wake and fail; and so does a message in a fast box of a parked rank: that rank will wake,
     * take it in and {@link #recheck()}.
     */
    private boolean stuck() {
        if (!settings.deadlockDetection() || parked < live) {
            return false;
        }
        for (int r = 0; r < size; r++) {
            // The boxes before the wait: a rank taking in a box message completes its wait first and
            // empties the box after, so read in this order one of the two always shows the message.
            if (!finished[r] && (parkedOn[r] == null || boxes[r].anyFull() || parkedOn[r].done()
                    || parkedThreads[r].isInterrupted())) {
                return false;
            }
        }
        return true;
    }

    private String report() {
        return DeadlockReport.describe(parkedOn, finished);
    }

    /** Records the end and releases every parked rank; ranks busy in their own code are interrupted. */
    private void endWith(JobResult result) {
        end = result;
        settled.countDown();
        for (int r = 0; r < size; r++) {
            if (parkedThreads[r] != null) {
                LockSupport.unpark(parkedThreads[r]);
            } else if (!finished[r] && rankThreads[r] != null && rankThreads[r] != Thread.currentThread()) {
                rankThreads[r].interrupt();
            }
        }
    }

    private static RanksException errorFor(JobResult e, int rank) {
        return switch (e.outcome()) {
            case DEADLOCK -> new DeadlockException(rank, ((DeadlockException) e.cause()).report());
            case ABORTED -> new JobAbortedException(e.rank(), "job aborted: rank " + e.rank() + " called abort("
                    + e.abortCode() + ")");
            default -> new JobAbortedException(e.rank(), "job aborted: rank " + e.rank() + " failed with " + e.cause());
        };
    }
}
