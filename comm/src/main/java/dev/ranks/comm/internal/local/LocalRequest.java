package dev.ranks.comm.internal.local;

import dev.ranks.comm.RanksException;
import dev.ranks.comm.Status;
import dev.ranks.comm.spi.DeviceRequest;
import dev.ranks.comm.spi.Payload;
import java.util.concurrent.locks.LockSupport;

/**
 * A request of the local device. Completion publishes the outcome through a volatile write and
 * then unparks the waiter, if one has armed; a waiter arms before its last check, so no wake-up
 * is lost.
 */
abstract class LocalRequest implements DeviceRequest, Wait {
    private volatile boolean complete;
    private volatile Thread waiter;
    private Status status;
    private RanksException error;
    private Payload received;

    final void complete(Status outcome, RanksException failure, Payload payload) {
        status = outcome;
        error = failure;
        received = payload;
        complete = true;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    @Override
    public final boolean isComplete() {
        return complete;
    }

    @Override
    public final Status status() {
        RanksException failure = error;
        if (failure != null) {
            failure.fillInStackTrace();
            throw failure;
        }
        return status;
    }

    @Override
    public final Payload received() {
        return received;
    }

    @Override
    public final boolean done() {
        return complete;
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
