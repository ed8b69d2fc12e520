package dev.ranks.comm.internal.local;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.spi.Payload;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One sender's small ring of slots in one receiver's mailbox for small eager messages, after Open
 * MPI vader's fast boxes: the sender copies a message into the next slot and publishes it by a
 * volatile write of the slot's sequence number; whoever holds the receiver's {@link Mailbox}
 * monitor (the receiver, or the sender itself on its next slow-path send) matches the oldest one
 * exactly as a mailbox arrival and counts it consumed. Only the sender fills slots, and only while
 * the ring has room, so a message sent with the ring full takes the mailbox path, which first
 * takes in the whole ring: see {@link Mailbox#absorb} for why that keeps MPI's order.
 *
 * <p>Why a ring rather than one slot: the receiver only reads a slot, and says how far it has
 * consumed in a line of its own ({@link #consumed}) that the sender reads once per lap, when it is
 * about to reuse a slot. So a message moves about one cache line, one way; a single slot that the
 * sender claims and the receiver marks empty moves its line to and fro for every message.
 *
 * <p>A message of at most 8 bytes travels packed in its slot's header ({@link InlineWord}).
 * Larger ones go to a buffer of the slot per element type, allocated on that type's first use, so
 * the hot path allocates nothing.
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
    /** Slots per ring; a power of two. */
    private static final int SLOTS = 8;

    private static final int LINE = 64;
    private static final int SEQUENCE = 0;
    private static final int WORD = 8;
    private static final int ADDRESS = 16;
    private static final int SHAPE = 24;
    private static final ElementType[] TYPES = ElementType.values();
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle COUNTERS = MethodHandles.arrayElementVarHandle(long[].class);
    /**
     * A counter's index in its array of {@link #PADDED} longs: at least 128 bytes of the array lie
     * on either side of it, wherever the heap puts or moves the array, so no other object's field
     * shares its line or the adjacent one (x86 fetches lines in pairs).
     */
    private static final int COUNTER = 16;
    private static final int PADDED = 2 * COUNTER + 2;

    final int source;
    /** The boxes of the receiver, whom a filled slot may have to wake. */
    private final FastBoxes receiver;
    /**
     * The slots' headers, one cache line each, off the heap so that each header stays on exactly one
     * line (the heap aligns objects to 8 bytes only, and moves them). Each holds, at these offsets:
     * the sequence, {@code ticket + 1} once the message with that ticket is in, written last (so it
     * never equals that before: it is 0 or a ticket a lap older plus 1); the packed message of at
     * most 8 bytes; context and tag; count and element type.
     */
    private final ByteBuffer lines;
    /** Each slot's buffers for messages that do not fit in its header. */
    private final Slot[] slots = new Slot[SLOTS];
    /**
     * The sender's side: at {@link #COUNTER}, the ticket of its next message, taken by a CAS; after
     * it, a value {@link #consumed} had, so never ahead of it: the ring has room while the ticket
     * minus that is below {@link #SLOTS}. The sender's threads share both; the second is written
     * once a lap.
     */
    private final long[] produced = new long[PADDED];
    /**
     * The receiver's side: at {@link #COUNTER}, how many messages have been taken in, so the oldest
     * waiting one has that ticket. Written holding the receiver's mailbox monitor; the sender reads
     * it once a lap.
     */
    private final long[] consumed = new long[PADDED];

    FastBox(int source, FastBoxes receiver) {
        this.source = source;
        this.receiver = receiver;
        this.lines = ByteBuffer.allocateDirect((SLOTS + 1) * LINE).alignedSlice(LINE).order(ByteOrder.nativeOrder());
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
    }

    /**
     * Copies a small primitive message into the next slot and publishes it, if the ring has room,
     * then wakes the receiver if it is parked. Sender's side.
     *
     * @return whether the message is in the ring; false when the ring is full
     */
    boolean offer(int msgContext, int msgTag, ElementType t, Object array, int offset, int n) {
        long[] p = produced;
        long ticket = (long) COUNTERS.getVolatile(p, COUNTER);
        if (ticket - (long) COUNTERS.getVolatile(p, COUNTER + 1) >= SLOTS) {
            long head = head();
            COUNTERS.setVolatile(p, COUNTER + 1, head);
            if (ticket - head >= SLOTS) {
                return false;
            }
        }
        // A CAS, so two threads of one rank never take the same ticket; the line is the sender's own.
        if (!COUNTERS.compareAndSet(p, COUNTER, ticket, ticket + 1)) {
            return false;
        }
        int index = (int) ticket & (SLOTS - 1);
        int line = index * LINE;
        if (n * t.bytes() <= InlineWord.BYTES) {
            LONGS.set(lines, line + WORD, InlineWord.pack(t, array, offset, n));
        } else {
            Slot slot = slots[index];
            Object buffer = slot.buffer(t);
            System.arraycopy(array, offset, buffer, 0, n);
            slot.data = buffer;
        }
        LONGS.set(lines, line + ADDRESS, (long) msgContext << 32 | msgTag & 0xFFFF_FFFFL);
        LONGS.set(lines, line + SHAPE, (long) t.ordinal() << 32 | n);
        // The volatile write publishes everything above to whoever reads the sequence; it comes
        // before the read of the receiver's sleeper, which wakes a receiver that parked without seeing it.
        LONGS.setVolatile(lines, line + SEQUENCE, ticket + 1);
        receiver.wake();
        return true;
    }

    /** @return whether a message waits in the ring; safe from any thread */
    boolean full() {
        long h = head();
        return (long) LONGS.getAcquire(lines, ((int) h & (SLOTS - 1)) * LINE + SEQUENCE) == h + 1;
    }

    /** @return the offset of the oldest message's line; called holding the receiver's mailbox monitor, on a full box */
    private int oldest() {
        return ((int) head() & (SLOTS - 1)) * LINE;
    }

    /** @return how many messages have been taken in */
    private long head() {
        return (long) COUNTERS.getVolatile(consumed, COUNTER);
    }

    /** Called holding the receiver's mailbox monitor, on a full box: whether the oldest message matches. */
    boolean matches(int wantContext, int wantSource, int wantTag) {
        long address = (long) LONGS.get(lines, oldest() + ADDRESS);
        return Mailbox.matches(wantContext, wantSource, wantTag, (int) (address >>> 32), source, (int) address);
    }

    int context() {
        return (int) ((long) LONGS.get(lines, oldest() + ADDRESS) >>> 32);
    }

    int tag() {
        return (int) (long) LONGS.get(lines, oldest() + ADDRESS);
    }

    int count() {
        return (int) (long) LONGS.get(lines, oldest() + SHAPE);
    }

    ElementType type() {
        return TYPES[(int) ((long) LONGS.get(lines, oldest() + SHAPE) >>> 32)];
    }

    /** Copies the oldest message's {@link #count()} elements into {@code array} from {@code offset}. */
    void copyTo(Object array, int offset) {
        int line = oldest();
        long shape = (long) LONGS.get(lines, line + SHAPE);
        ElementType t = TYPES[(int) (shape >>> 32)];
        int n = (int) shape;
        if (n * t.bytes() <= InlineWord.BYTES) {
            InlineWord.unpack(t, (long) LONGS.get(lines, line + WORD), array, offset, n);
        } else {
            System.arraycopy(slots[line / LINE].data, 0, array, offset, n);
        }
    }

    /** @return the oldest message as a payload owning a private copy, for the unexpected queue */
    Payload detached() {
        ElementType t = type();
        int n = count();
        Object copy = Array.newInstance(t.arrayClass().getComponentType(), n);
        copyTo(copy, 0);
        return Payload.array(t, copy, 0, n);
    }

    /**
     * Counts the oldest message taken in, freeing its slot for the sender's next lap; called
     * holding the receiver's mailbox monitor. A release write: the reads of the slot come before it,
     * so the sender, which reads it before reusing the slot, never overwrites a message being read.
     */
    void clear() {
        COUNTERS.setRelease(consumed, COUNTER, head() + 1);
    }

    /** A slot's buffers, for messages too big for its header; only the sender writes them. */
    private static final class Slot {
        /** The buffer holding the slot's message when it is not in the header; published with it. */
        private Object data;
        // One field per type rather than an array of them: taking a buffer is one load.
        private byte[] bytes;
        private short[] shorts;
        private int[] ints;
        private long[] longs;
        private float[] floats;
        private double[] doubles;
        private char[] chars;
        private boolean[] booleans;

        /** @return this slot's buffer for a type, allocated on first use; sender's side */
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
}
