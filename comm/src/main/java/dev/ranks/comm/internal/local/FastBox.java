package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.spi.Payload;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;

/**
 * One sender's slot in one receiver's mailbox for a small eager message, after Open MPI vader's
 * fast boxes: the sender copies the message in and publishes it by a release write of
 * {@link #state}; whoever holds the receiver's {@link Mailbox} monitor (the receiver, or the
 * sender itself on its next slow-path send) matches it exactly as a mailbox arrival and empties
 * the slot. Only the sender fills it, so a message sent with the slot still full takes the
 * mailbox path, which first empties the slot: see {@link Mailbox#absorb} for why that keeps
 * MPI's order.
 *
 * <p>A message of at most 8 bytes travels packed in the header ({@link InlineWord}), so it moves
 * one cache line. Larger ones go to a buffer per element type, allocated on that type's first
 * use, so the hot path allocates nothing. The header sits on its own cache lines ({@link CacheLinePad}); the
 * sender allocates the box and, right after, its first buffer, so that the header and the start
 * of the data usually share a line or an adjacent pair (which x86 fetches together): a small
 * message then moves about one line.
 */
final class FastBox extends CacheLinePad {
    /** The largest message, in bytes, that a fast box carries. */
    static final int CAPACITY = 256;
    /**
     * The largest job whose ranks use fast boxes: a waiting rank polls every box addressed to it,
     * which costs more than it saves beyond a few dozen senders (and such jobs outnumber the cores,
     * so ranks park rather than poll).
     */
    static final int MAX_RANKS = 64;

    private static final int EMPTY = 0;
    /** The sender is copying in; set by a CAS, so two threads of one rank never share the slot. */
    private static final int WRITING = 1;
    private static final int FULL = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FastBox.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int source;
    /** The boxes of the receiver, whom a filled box may have to wake. */
    private final FastBoxes receiver;
    private volatile int state;
    private int context;
    private int tag;
    private int count;
    private ElementType type;
    /** The buffer holding the message, or null when the message is in {@link #word}. */
    private Object data;
    /** A message of at most {@link InlineWord#BYTES} bytes, packed: it travels in the header's line. */
    private long word;
    // One field per type rather than an array of them: nothing else is allocated between the box
    // and its first buffer, and taking a buffer is one load.
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;
    private long[] longs;
    private float[] floats;
    private double[] doubles;
    private char[] chars;
    private boolean[] booleans;

    FastBox(int source, FastBoxes receiver) {
        this.source = source;
        this.receiver = receiver;
    }

    /**
     * Copies a small primitive message in and publishes it, if the slot is empty, then wakes the
     * receiver if it is parked. Sender's side.
     *
     * @return whether the message is in the box; false when the slot is still taken
     */
    boolean offer(int msgContext, int msgTag, ElementType t, Object array, int offset, int n) {
        if (state != EMPTY || !STATE.compareAndSet(this, EMPTY, WRITING)) {
            return false;
        }
        if (n * t.bytes() <= InlineWord.BYTES) {
            word = InlineWord.pack(t, array, offset, n);
            data = null;
        } else {
            Object buffer = buffer(t);
            System.arraycopy(array, offset, buffer, 0, n);
            data = buffer;
        }
        context = msgContext;
        tag = msgTag;
        count = n;
        type = t;
        // The volatile write publishes every field above to whoever reads FULL; it comes before the
        // read of the receiver's sleeper, which wakes a receiver that parked without seeing it.
        state = FULL;
        receiver.wake();
        return true;
    }

    /** @return whether a message waits in the slot; safe from any thread */
    boolean full() {
        return state == FULL;
    }

    /** Called holding the receiver's mailbox monitor, on a full box. */
    boolean matches(int wantContext, int wantSource, int wantTag) {
        return Mailbox.matches(wantContext, wantSource, wantTag, context, source, tag);
    }

    int context() {
        return context;
    }

    int tag() {
        return tag;
    }

    int count() {
        return count;
    }

    ElementType type() {
        return type;
    }

    /** Copies the message's {@link #count()} elements into {@code array} from {@code offset}. */
    void copyTo(Object array, int offset) {
        if (data == null) {
            InlineWord.unpack(type, word, array, offset, count);
        } else {
            System.arraycopy(data, 0, array, offset, count);
        }
    }

    /** @return the message as a payload owning a private copy, for the unexpected queue */
    Payload detached() {
        Object copy = Array.newInstance(type.arrayClass().getComponentType(), count);
        copyTo(copy, 0);
        return Payload.array(type, copy, 0, count);
    }

    /** Frees the slot for the sender's next message; called holding the receiver's mailbox monitor. */
    void clear() {
        data = null;
        state = EMPTY;
    }

    /** @return this box's buffer for a type, allocated on first use; sender's side */
    private Object buffer(ElementType t) {
        return switch (t) {
            case BYTE -> bytes != null ? bytes : (bytes = new byte[CAPACITY]);
            case SHORT -> shorts != null ? shorts : (shorts = new short[CAPACITY / 2]);
            case INT -> ints != null ? ints : (ints = new int[CAPACITY / 4]);
            case LONG -> longs != null ? longs : (longs = new long[CAPACITY / 8]);
            case FLOAT -> floats != null ? floats : (floats = new float[CAPACITY / 4]);
            case DOUBLE -> doubles != null ? doubles : (doubles = new double[CAPACITY / 8]);
            case CHAR -> chars != null ? chars : (chars = new char[CAPACITY / 2]);
            case BOOLEAN -> booleans != null ? booleans : (booleans = new boolean[CAPACITY]);
            case OBJECT -> throw new IllegalArgumentException("a fast box carries primitive arrays, not objects");
        };
    }
}
