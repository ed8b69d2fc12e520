package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
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
    // The outcome is kept as fields and turned into a Status by the waiting thread, so that the
    // completing thread, usually on another core, allocates nothing the waiter must then fetch.
    private int source;
    private int tag;
    private int count;
    private ElementType type;
    private boolean cancelled;
    private RanksException error;
    private Payload received;

    final void complete(int msgSource, int msgTag, int msgCount, ElementType msgType, Payload payload) {
        source = msgSource;
        tag = msgTag;
        count = msgCount;
        type = msgType;
        received = payload;
        publish();
    }

    /** Completes a send, or a receive from nowhere: the status is empty. */
    final void completeEmpty() {
        source = Comm.PROC_NULL;
        tag = Comm.ANY_TAG;
        publish();
    }

    final void completeCancelled() {
        source = Comm.PROC_NULL;
        tag = Comm.ANY_TAG;
        cancelled = true;
        publish();
    }

    final void fail(RanksException failure) {
        error = failure;
        publish();
    }

    private void publish() {
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
        if (cancelled) {
            return Status.cancelledStatus();
        }
        return type == null ? Status.empty() : new Status(source, tag, count, type, false);
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
