package dev.ranks.comm.internal.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The fast boxes addressed to one rank, by sender, and how a sender wakes that rank when it parks.
 * Kept apart from the rank's {@link Mailbox}, whose monitor word the rank writes on every receive:
 * a sender reads only this object (and its own box), so a message moves no line the receiver
 * dirtied for its own bookkeeping.
 */
final class FastBoxes extends CacheLinePad {
    private static final VarHandle BOXES = MethodHandles.arrayElementVarHandle(FastBox[].class);

    /** Boxes by sender, created on a sender's first use; an entry is written once, by its sender. */
    private final FastBox[] boxes;
    /** The receiving rank's thread while it is parked and wants waking for fast-box messages. */
    private volatile Thread sleeper;

    /** @param senders how many ranks may have a box here; 0 for none */
    FastBoxes(int senders) {
        this.boxes = new FastBox[senders];
    }

    /** @return how many senders may have a box here */
    int senders() {
        return boxes.length;
    }

    /** @return the box of a sender, or null while it has none; any thread may call it */
    FastBox get(int sender) {
        return (FastBox) BOXES.getVolatile(boxes, sender);
    }

    /**
     * The box of a sender, created on first use. Any thread may call it.
     *
     * @return the box, or null when there are no fast boxes here
     */
    FastBox box(int sender) {
        if (sender >= boxes.length) {
            return null;
        }
        FastBox box = get(sender);
        if (box == null) {
            FastBox created = new FastBox(sender, this);
            FastBox raced = (FastBox) BOXES.compareAndExchange(boxes, sender, null, created);
            box = raced == null ? created : raced;
        }
        return box;
    }

    /** @return whether some box holds a message; any thread may call it */
    boolean anyFull() {
        for (int s = 0; s < boxes.length; s++) {
            FastBox box = get(s);
            if (box != null && box.full()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records the thread to unpark when a box fills, or null; the receiving rank's own call. It
     * looks at the boxes again after setting it, and a sender reads it after filling a box (both
     * volatile), so one of the two sees the other.
     */
    void sleeper(Thread thread) {
        sleeper = thread;
    }

    /** Wakes the receiving rank if it is parked; a sender's call after filling a box. */
    void wake() {
        Thread s = sleeper;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }
}
