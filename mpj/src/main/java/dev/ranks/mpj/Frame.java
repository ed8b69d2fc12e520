package dev.ranks.mpj;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.ByteBuffer;

/**
 * The header every message of the mpj device starts with on MPJ's inline tag, and the packing of
 * primitive slices into the bytes after it. All inline traffic of a rank arrives through one
 * pre-posted MPJ receive, so the header carries what MPJ's own matching cannot express: our
 * context (which keeps {@code ANY_TAG} inside one communicator), our full-range tag, the element
 * type (so a mismatch is an error, not a garbled array) and the count (for probe and truncation).
 *
 * <p>Layout, big-endian: kind (1 byte), context (4), tag (4), element type ordinal (1), count (4),
 * sequence number (4), then for {@link #EAGER} and {@link #EAGER_SYNC} the payload's bytes.
 */
final class Frame {
    /** Bytes before the payload. */
    static final int HEADER = 18;

    /** A message whose data follows in this frame; the send completed when it was written. */
    static final byte EAGER = 1;
    /** As {@link #EAGER}, but the sender waits for an {@link #ACK} sent once a receive matches it. */
    static final byte EAGER_SYNC = 2;
    /** Ready to send: the data goes on its own MPJ tag once the receiver answers {@link #CTS}. */
    static final byte RTS = 3;
    /** The data follows on its own MPJ tag at once (eager, too large to inline); no answer needed. */
    static final byte EAGER_DATA = 4;
    /** Clear to send: the receiver has posted the MPJ receive for the data of the named sequence. */
    static final byte CTS = 5;
    /** A receive matched the synchronous message of the named sequence. */
    static final byte ACK = 6;
    /** The receive matching the named sequence failed (truncation, type): the sender completes without data. */
    static final byte DECLINE = 7;

    /** The count of an object message that carries null. */
    static final int NULL_OBJECT = -1;

    private static final ElementType[] TYPES = ElementType.values();

    private Frame() {
    }

    /**
     * Writes a header into the start of a frame.
     *
     * @param frame at least {@link #HEADER} bytes
     * @param kind one of the kinds above
     * @param context the communicator context
     * @param tag the message tag
     * @param type the element type
     * @param count elements, or for an object the encoding's length ({@link #NULL_OBJECT} for null)
     * @param seq the sequence number naming a rendezvous or synchronous send, or 0
     * @return a buffer positioned after the header, for the payload
     */
    static ByteBuffer header(byte[] frame, byte kind, int context, int tag, ElementType type, int count, int seq) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.put(kind).putInt(context).putInt(tag).put((byte) type.ordinal()).putInt(count).putInt(seq);
        return b;
    }

    /**
     * @param frame a received frame
     * @return its kind
     */
    static byte kind(byte[] frame) {
        return frame[0];
    }

    /**
     * @param frame a received frame
     * @return its context
     */
    static int context(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(1);
    }

    /**
     * @param frame a received frame
     * @return its tag
     */
    static int tag(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(5);
    }

    /**
     * @param frame a received frame
     * @return its element type
     */
    static ElementType type(byte[] frame) {
        int ordinal = frame[9];
        if (ordinal < 0 || ordinal >= TYPES.length) {
            throw new RanksException(ErrorClass.INTERNAL, "mpj device: frame names element type " + ordinal
                    + ": expected 0 to " + (TYPES.length - 1) + "; a peer of another Ranks version?");
        }
        return TYPES[ordinal];
    }

    /**
     * @param frame a received frame
     * @return its count field
     */
    static int count(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(10);
    }

    /**
     * @param frame a received frame
     * @return its sequence number
     */
    static int seq(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(14);
    }

    /**
     * Copies a primitive slice into a frame after its header.
     *
     * @param out a buffer positioned after the header, with room for the slice
     * @param type the slice's element type, not {@link ElementType#OBJECT}
     * @param array the array
     * @param offset the first element
     * @param count the number of elements
     */
    static void pack(ByteBuffer out, ElementType type, Object array, int offset, int count) {
        int at = out.position();
        switch (type) {
            case BYTE -> out.put((byte[]) array, offset, count);
            case SHORT -> out.asShortBuffer().put((short[]) array, offset, count);
            case INT -> out.asIntBuffer().put((int[]) array, offset, count);
            case LONG -> out.asLongBuffer().put((long[]) array, offset, count);
            case FLOAT -> out.asFloatBuffer().put((float[]) array, offset, count);
            case DOUBLE -> out.asDoubleBuffer().put((double[]) array, offset, count);
            case CHAR -> out.asCharBuffer().put((char[]) array, offset, count);
            case BOOLEAN -> {
                boolean[] bools = (boolean[]) array;
                for (int i = 0; i < count; i++) {
                    out.put(bools[offset + i] ? (byte) 1 : (byte) 0);
                }
            }
            case OBJECT -> throw new IllegalArgumentException("objects are not packed as primitives");
        }
        out.position(at + count * type.bytes());
    }

    /**
     * Copies a primitive slice out of a received frame, from just after its header.
     *
     * @param frame the frame
     * @param type the element type
     * @param array the destination array
     * @param offset the first element to fill
     * @param count the number of elements
     */
    static void unpack(byte[] frame, ElementType type, Object array, int offset, int count) {
        ByteBuffer in = ByteBuffer.wrap(frame, HEADER, count * type.bytes());
        switch (type) {
            case BYTE -> System.arraycopy(frame, HEADER, (byte[]) array, offset, count);
            case SHORT -> in.asShortBuffer().get((short[]) array, offset, count);
            case INT -> in.asIntBuffer().get((int[]) array, offset, count);
            case LONG -> in.asLongBuffer().get((long[]) array, offset, count);
            case FLOAT -> in.asFloatBuffer().get((float[]) array, offset, count);
            case DOUBLE -> in.asDoubleBuffer().get((double[]) array, offset, count);
            case CHAR -> in.asCharBuffer().get((char[]) array, offset, count);
            case BOOLEAN -> {
                boolean[] bools = (boolean[]) array;
                for (int i = 0; i < count; i++) {
                    bools[offset + i] = frame[HEADER + i] != 0;
                }
            }
            case OBJECT -> throw new IllegalArgumentException("objects are not unpacked as primitives");
        }
    }
}
