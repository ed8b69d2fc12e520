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

    /**
     * Delivers a matched message: checks its type and size against this sink and copies array
     * data in. Called by the device, on whichever thread matched; the receive's status is the
     * source, the tag and the payload's count.
     *
     * @param receiver the receiving rank, for error messages
     * @param source the sending rank
     * @param tag the message's tag
     * @param payload the message
     * @throws TypeMismatchException when the message holds another element type
     * @throws TruncationException when the message is larger than the sink
     */
    public void deliver(int receiver, int source, int tag, Payload payload) {
        if (payload.type() != type) {
            throw new TypeMismatchException(receiver, payload.type(), type, from(source, tag));
        }
        if (payload.count() > capacity) {
            throw new TruncationException(receiver, payload.count(), capacity, from(source, tag));
        }
        if (type != ElementType.OBJECT) {
            System.arraycopy(payload.data(), payload.offset(), array, offset, payload.count());
        }
    }

    private static String from(int source, int tag) {
        return "the message from rank " + source + " with tag " + tag;
    }
}
