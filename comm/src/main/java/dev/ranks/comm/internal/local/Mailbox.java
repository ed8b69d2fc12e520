package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;

/**
 * One rank's matching queues. Both are FIFO and searched from the head, which gives MPI's
 * non-overtaking order. Every method but the volatile reads must be called holding this
 * mailbox's monitor.
 */
final class Mailbox {
    private final ArrayDeque<RecvRequest> posted = new ArrayDeque<>();
    private final ArrayDeque<Envelope> unexpected = new ArrayDeque<>();
    /** Counts unexpected arrivals, so a blocked probe can tell that something new came. */
    private volatile long arrivals;
    private volatile Thread prober;

    RecvRequest takePosted(int context, int source, int tag) {
        Iterator<RecvRequest> it = posted.iterator();
        while (it.hasNext()) {
            RecvRequest r = it.next();
            if (r.matches(context, source, tag)) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    void post(RecvRequest request) {
        posted.addLast(request);
    }

    boolean unpost(RecvRequest request) {
        return posted.removeFirstOccurrence(request);
    }

    Envelope takeUnexpected(int context, int source, int tag) {
        Iterator<Envelope> it = unexpected.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (matches(e, context, source, tag)) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    Envelope peekUnexpected(int context, int source, int tag) {
        for (Envelope e : unexpected) {
            if (matches(e, context, source, tag)) {
                return e;
            }
        }
        return null;
    }

    void arrive(Envelope envelope) {
        unexpected.addLast(envelope);
        arrivals = arrivals + 1;
        Thread p = prober;
        if (p != null) {
            LockSupport.unpark(p);
        }
    }

    long arrivals() {
        return arrivals;
    }

    void prober(Thread thread) {
        prober = thread;
    }

    private static boolean matches(Envelope e, int context, int source, int tag) {
        return e.context() == context && (source == Comm.ANY_SOURCE || source == e.source())
                && (tag == Comm.ANY_TAG || tag == e.tag());
    }
}
