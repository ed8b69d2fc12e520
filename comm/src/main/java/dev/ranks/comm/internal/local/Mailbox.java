package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import java.util.concurrent.locks.LockSupport;

/**
 * One rank's matching queues. Both are FIFO and searched from the head, which gives MPI's
 * non-overtaking order. They are intrusive linked lists whose heads sit next to this object's
 * monitor, so a match touches few cache lines: on the latency path each line that moves between
 * cores costs more than all the instructions around it. Every method but the volatile reads must
 * be called holding this mailbox's monitor.
 */
final class Mailbox {
    private RecvRequest postedHead;
    private RecvRequest postedTail;
    private Envelope unexpectedHead;
    private Envelope unexpectedTail;
    /** Counts unexpected arrivals, so a blocked probe can tell that something new came. */
    private volatile long arrivals;
    private volatile Thread prober;

    RecvRequest takePosted(int context, int source, int tag) {
        RecvRequest prev = null;
        for (RecvRequest r = postedHead; r != null; prev = r, r = r.next) {
            if (r.matches(context, source, tag)) {
                unlinkPosted(prev, r);
                return r;
            }
        }
        return null;
    }

    void post(RecvRequest request) {
        if (postedTail == null) {
            postedHead = request;
        } else {
            postedTail.next = request;
        }
        postedTail = request;
    }

    boolean unpost(RecvRequest request) {
        RecvRequest prev = null;
        for (RecvRequest r = postedHead; r != null; prev = r, r = r.next) {
            if (r == request) {
                unlinkPosted(prev, r);
                return true;
            }
        }
        return false;
    }

    Envelope takeUnexpected(int context, int source, int tag) {
        Envelope prev = null;
        for (Envelope e = unexpectedHead; e != null; prev = e, e = e.next) {
            if (e.matches(context, source, tag)) {
                if (prev == null) {
                    unexpectedHead = e.next;
                } else {
                    prev.next = e.next;
                }
                if (unexpectedTail == e) {
                    unexpectedTail = prev;
                }
                e.next = null;
                return e;
            }
        }
        return null;
    }

    Envelope peekUnexpected(int context, int source, int tag) {
        for (Envelope e = unexpectedHead; e != null; e = e.next) {
            if (e.matches(context, source, tag)) {
                return e;
            }
        }
        return null;
    }

    void arrive(Envelope envelope) {
        if (unexpectedTail == null) {
            unexpectedHead = envelope;
        } else {
            unexpectedTail.next = envelope;
        }
        unexpectedTail = envelope;
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

    private void unlinkPosted(RecvRequest prev, RecvRequest r) {
        if (prev == null) {
            postedHead = r.next;
        } else {
            prev.next = r.next;
        }
        if (postedTail == r) {
            postedTail = prev;
        }
        r.next = null;
    }

    static boolean matches(int wantContext, int wantSource, int wantTag, int context, int source, int tag) {
        return wantContext == context && (wantSource == Comm.ANY_SOURCE || wantSource == source)
                && (wantTag == Comm.ANY_TAG || wantTag == tag);
    }
}
