package dev.ranks.mpj;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.ByteBuffer;

/**
 * The header every message of the mpj device starts with on MPJ's inline tag, and the sections
 * of an MPJ buffer ({@code mpjbuf.Buffer}) a frame travels in. All inline traffic of a rank arrives
 * through one pre-posted MPJ receive, so the header carries what MPJ's own matching cannot
 * express: our context (which keeps {@code ANY_TAG} inside one communicator), our full-range tag,
 * the element type (so a mismatch is an error, not a garbled array) and the count (for probe and
 * truncation).
 *
 * <p>A frame is an MPJ buffer of one or two sections: the header as a byte section, then for
 * {@link #EAGER} and {@link #EAGER_SYNC} with data the payload as a section of its MPJ type
 * ({@link #write}), which MPJ reads straight into the receiving array ({@link #read}): the
 * payload is copied into MPJ's buffer and out of it once each, as plain MPJ copies it, and MPJ
 * takes care of byte order. Header layout, big-endian: kind (1 byte), context (4), tag (4),
 * element type ordinal (1), count (4), sequence number (4).
 */
final class Frame {
    /** Bytes of the header. */
    static final int HEADER = 18;
    /**
     * Bytes an MPJ buffer holding a frame needs beyond its payload: two section headers of 8 bytes
     * and the header rounded up to MPJ's 8-byte alignment, with room to spare for the payload's
     * own rounding.
     */
    static final int OVERHEAD = 64;

    /** A message whose data follows in this frame; the send completed when it was written. */
    static final byte EAGER = 1;
    /** As {@link #EAGER}, but the sender waits for an {@link #ACK} sent once a receive matches it. */
    static final byte EAGER_SYNC = 2;
    /**
     * Ready to send: the data follows at once as a synchronous MPJ send on its own tag, which MPJ
     * completes only once the receiver, after a receive matched, has posted the MPJ receive for it;
     * the receiver also answers {@link #ACK}, which the sender waits for while serving arrivals.
     */
    static final byte RTS = 3;
    /** The data follows on its own MPJ tag at once (eager, too large to inline); no answer needed. */
    static final byte EAGER_DATA = 4;
    /** A receive matched (or refused) the synchronous or rendezvous message of the named sequence. */
    static final byte ACK = 5;

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
     */
    static void header(byte[] frame, byte kind, int context, int tag, ElementType type, int count, int seq) {
        ByteBuffer.wrap(frame).put(kind).putInt(context).putInt(tag).put((byte) type.ordinal()).putInt(count)
                .putInt(seq);
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
     * Appends a slice of a primitive array (or an object's encoding) to an MPJ buffer as a
     * section of its MPJ type; MPJ copies it into its buffer in this machine's byte order and
     * records which that is.
     *
     * @param buffer an MPJ buffer being written
     * @param type the slice's element type; {@link ElementType#OBJECT} for an encoding in a {@code byte[]}
     * @param array the array
     * @param offset the first element
     * @param count the number of elements, at least 1
     */
    static void write(mpjbuf.Buffer buffer, ElementType type, Object array, int offset, int count) {
        try {
            buffer.putSectionHeader(section(type));
            switch (type) {
                case BYTE, OBJECT -> buffer.write((byte[]) array, offset, count);
                case SHORT -> buffer.write((short[]) array, offset, count);
                case INT -> buffer.write((int[]) array, offset, count);
                case LONG -> buffer.write((long[]) array, offset, count);
                case FLOAT -> buffer.write((float[]) array, offset, count);
                case DOUBLE -> buffer.write((double[]) array, offset, count);
                case CHAR -> buffer.write((char[]) array, offset, count);
                case BOOLEAN -> buffer.write((boolean[]) array, offset, count);
            }
        } catch (mpjbuf.BufferException e) {
            throw broken("write " + count + " " + type + " elements into", e);
        }
    }

    /**
     * Reads the next section of a received MPJ buffer into a slice of an array.
     *
     * @param buffer an MPJ buffer being read, positioned before the section
     * @param type the element type the sender wrote; {@link ElementType#OBJECT} for an encoding
     * @param array the destination: an array of {@code type}'s elements, a {@code byte[]} for an object
     * @param offset the first element to fill
     * @param count the number of elements the section holds, at least 1
     */
    static void read(mpjbuf.Buffer buffer, ElementType type, Object array, int offset, int count) {
        try {
            buffer.getSectionHeader();
            switch (type) {
                case BYTE, OBJECT -> buffer.read((byte[]) array, offset, count);
                case SHORT -> buffer.read((short[]) array, offset, count);
                case INT -> buffer.read((int[]) array, offset, count);
                case LONG -> buffer.read((long[]) array, offset, count);
                case FLOAT -> buffer.read((float[]) array, offset, count);
                case DOUBLE -> buffer.read((double[]) array, offset, count);
                case CHAR -> buffer.read((char[]) array, offset, count);
                case BOOLEAN -> buffer.read((boolean[]) array, offset, count);
            }
        } catch (mpjbuf.BufferException e) {
            throw broken("read " + count + " " + type + " elements from", e);
        }
    }

    private static mpjbuf.Type section(ElementType type) {
        return switch (type) {
            case BYTE, OBJECT -> mpjbuf.Type.BYTE;
            case SHORT -> mpjbuf.Type.SHORT;
            case INT -> mpjbuf.Type.INT;
            case LONG -> mpjbuf.Type.LONG;
            case FLOAT -> mpjbuf.Type.FLOAT;
            case DOUBLE -> mpjbuf.Type.DOUBLE;
            case CHAR -> mpjbuf.Type.CHAR;
            case BOOLEAN -> mpjbuf.Type.BOOLEAN;
        };
    }

    /**
     * @param what what failed, as in "write 3 INT elements into"
     * @param cause MPJ's complaint
     * @return the exception saying so: a frame that does not fit or parse is a bug, not bad input
     */
    static RanksException broken(String what, Exception cause) {
        return new RanksException(ErrorClass.INTERNAL, -1, "mpj device: could not " + what + " an MPJ buffer: "
                + cause, cause);
    }
}
