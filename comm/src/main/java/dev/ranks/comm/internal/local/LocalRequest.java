package dev.ranks.comm.internal.local;

import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.DeviceRequest;
import java.util.concurrent.locks.LockSupport;

/**
 * A request of the local device. Completion publishes the outcome through a volatile write of
 * {@link #state} and then unparks the waiter, if one has armed; a waiter arms before its last
 * check, so no wake-up is lost.
 */
abstract class LocalRequest implements DeviceRequest, Wait {
    static final int PENDING = 0;
    static final int DONE = 1;
    static final int CANCELLED = 2;

    private volatile int state;
    private volatile Thread waiter;
    /** A copy the thread waiting for this request may help with; see {@link SharedCopy}. */
    private volatile SharedCopy shared;
    private RanksException error;

    /** Publishes completion; fields written before this call are visible to whoever sees it. */
    final void publish(int outcome) {
        state = outcome;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Offers the waiting thread a share of a copy, waking it if it is parked. */
    final void offer(SharedCopy copy) {
        shared = copy;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    final void withdraw() {
        shared = null;
    }

    @Override
    public final SharedCopy sharedCopy() {
        return shared;
    }

    /** Makes a finished request pending again, for reuse; nothing else may refer to it. */
    final void reopen() {
        error = null;
        state = PENDING;
    }

    final void fail(RanksException failure) {
        error = failure;
        publish(DONE);
    }

    final boolean cancelled() {
        return state == CANCELLED;
    }

    /** @return the status of a request that completed without error and was not cancelled */
    abstract Status outcome();

    @Override
    public final boolean isComplete() {
        return state != PENDING || progressed();
    }

    /**
     * Lets a pending request move on the calling thread, as MPI_Test does: a receive takes in
     * what waits in its rank's fast boxes.
     *
     * @return whether the request is now complete
     */
    boolean progressed() {
        return false;
    }

    @Override
    public final Status status() {
        RanksException failure = error;
        if (failure != null) {
            failure.fillInStackTrace();
            throw failure;
        }
        return state == CANCELLED ? Status.cancelledStatus() : outcome();
    }

    @Override
    public final boolean done() {
        return state != PENDING;
    }

    @Override
    public final void arm(Thread thread) {
        waiter = thread;
    }

    @Override
    public final void disarm() {
        waiter = null;
    }
}
