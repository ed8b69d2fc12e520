package dev.ranks.comm.spi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.TruncationException;
import dev.ranks.comm.TypeMismatchException;

/** Where a receive puts what it matches: a slice of a primitive array, or (for objects) nothing but the payload. */
public final class Sink {
    private static final Sink OBJECT = new Sink(ElementType.OBJECT, null, 0, 1);

    private final ElementType type;
    private final Object array;
    private final int offset;
    private final int capacity;

    private Sink(ElementType type, Object array, int offset, int capacity) {
        this.type = type;
        this.array = array;
        this.offset = offset;
        this.capacity = capacity;
    }

    /**
     * @param type the element type, not {@link ElementType#OBJECT}
     * @param array an array of that type
     * @param offset the first element to fill
     * @param capacity the most elements to receive
     * @return a sink over that slice
     */
    public static Sink array(ElementType type, Object array, int offset, int capacity) {
        return new Sink(type, array, offset, capacity);
    }

    /** @return the sink of an object receive */
    public static Sink object() {
        return OBJECT;
    }

    /** @return the element type this receive expects */
    public ElementType type() {
        return type;
    }

    /** @return the array this sink fills, or null for an object receive */
    public Object array() {
        return array;
    }

    /** @return the first element this sink fills */
    public int offset() {
        return offset;
    }

    /** @return the most elements this sink accepts */
    public int capacity() {
        return capacity;
    }

    /**
     * Checks that a matched message fits a receive; the device then copies the data in. The
     * receive's status is the source, the tag and the payload's count.
     *
     * @param receiver the receiving rank, for error messages
     * @param source the sending rank
     * @param tag the message's tag
     * @param payload the message
     * @param expected the element type the receive expects
     * @param capacity the most elements the receive accepts
     * @throws TypeMismatchException when the message holds another element type
     * @throws TruncationException when the message is larger than the receive accepts
     */
    public static void check(int receiver, int source, int tag, Payload payload, ElementType expected, int capacity) {
        if (payload.type() != expected) {
            throw new TypeMismatchException(receiver, payload.type(), expected, from(source, tag));
        }
        if (payload.count() > capacity) {
            throw new TruncationException(receiver, payload.count(), capacity, from(source, tag));
        }
    }

    private static String from(int source, int tag) {
        return "the message from rank " + source + " with tag " + tag;
    }
}
