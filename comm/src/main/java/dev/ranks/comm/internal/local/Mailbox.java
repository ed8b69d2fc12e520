package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import java.util.concurrent.locks.LockSupport;

/**
 * One rank's matching queues. Both are FIFO and searched from the head, which gives MPI's
 * non-overtaking order. They are intrusive linked lists whose heads sit next to this object's
 * monitor, so a match touches few cache lines: on the latency path each line that moves between
 * cores costs more than all the instructions around it. Every method but the volatile reads and
 * those marked otherwise must be called holding this mailbox's monitor.
 *
 * <p>Besides the queues, a mailbox has a {@link FastBox} ring per sender that has used one, where
 * small eager messages wait without a lock or an allocation. A message in a fast box counts as
 * not yet arrived: {@link #absorb} makes the oldest arrive, and every path that matches a sender's
 * messages absorbs that sender's whole ring first, so the queues see each sender's messages in the
 * order it sent them.
 */
final class Mailbox {
    private final int rank;
    private final FastBoxes fast;
    private RecvRequest postedHead;
    private RecvRequest postedTail;
    private Envelope unexpectedHead;
    private Envelope unexpectedTail;
    /** Counts unexpected arrivals, so a blocked probe can tell that something new came. */
    private volatile long arrivals;
    private volatile Thread prober;

    /**
     * @param rank the rank this mailbox belongs to
     * @param senders how many ranks may have a fast box here; 0 for none
     */
    Mailbox(int rank, int senders) {
        this.rank = rank;
        this.fast = new FastBoxes(senders);
    }

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

    /** @return whether no receive is posted; a hint when read without the monitor */
    boolean nothingPosted() {
        return postedHead == null;
    }

    /** @return whether no receive is posted and no message waits in the queues; a hint when read without the monitor */
    boolean idle() {
        return postedHead == null && unexpectedHead == null;
    }

    /** @return the fast boxes addressed to this mailbox's rank */
    FastBoxes fastBoxes() {
        return fast;
    }

    /** @return whether some fast box holds a message; any thread may call it */
    boolean anyFull() {
        return fast.anyFull();
    }

    /**
     * Makes the oldest message in a full fast box arrive: it completes the oldest posted receive it
     * matches, or joins the unexpected queue, just as a mailbox send would; then its slot is free.
     * <p>Order: a sender adds to its ring only while the ring has room, and a sender whose ring is
     * full absorbs all of it, under this monitor, before its next message touches the queues. So the
     * messages in a ring are newer than every message of their sender in the queues, older than every
     * message of their sender that is not there yet, and in the order sent among themselves;
     * absorbing the oldest appends it in its place.
     */
    void absorb(FastBox box) {
        RecvRequest match = takePosted(box.context(), box.source, box.tag());
        if (match != null) {
            match.deliver(rank, box);
        } else {
            arrive(new Envelope(box.context(), box.source, box.tag(), box.detached(), null));
        }
        box.clear();
    }

    /**
     * Absorbs every message of a sender's ring.
     *
     * @return whether there was one
     */
    boolean absorbRing(FastBox box) {
        boolean any = false;
        while (box.full()) {
            absorb(box);
            any = true;
        }
        return any;
    }

    /**
     * Absorbs every message in the fast boxes.
     *
     * @return whether there was one
     */
    boolean absorbAll() {
        boolean any = false;
        for (int s = 0; s < fast.senders(); s++) {
            FastBox box = fast.get(s);
            if (box != null && absorbRing(box)) {
                any = true;
            }
        }
        return any;
    }

    /**
     * A full fast box whose oldest message a receive could take at once: one that matches, when no
     * receive is posted (a posted one would have the first claim). Messages in the unexpected
     * queue are older than any box's, so the caller looks there first. A later message of a ring
     * whose oldest does not match is left for {@link #absorbAll}: taking it would overtake the oldest.
     *
     * @return the box, or null
     */
    FastBox fullMatch(int context, int source, int tag) {
        if (postedHead != null) {
            return null;
        }
        if (source != Comm.ANY_SOURCE) {
            FastBox box = source < fast.senders() ? fast.get(source) : null;
            return box != null && box.full() && box.matches(context, source, tag) ? box : null;
        }
        for (int s = 0; s < fast.senders(); s++) {
            FastBox box = fast.get(s);
            if (box != null && box.full() && box.matches(context, source, tag)) {
                return box;
            }
        }
        return null;
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
