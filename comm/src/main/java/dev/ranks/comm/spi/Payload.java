package dev.ranks.comm.spi;

import dev.ranks.comm.ElementType;
import java.util.Arrays;

/**
 * What a send carries: a slice of a primitive array, or one object (an immutable value by
 * reference, or the codec's encoding of a mutable one).
 */
public final class Payload {
    private final ElementType type;
    private final Object data;
    private final int offset;
    private final int count;
    private final boolean encoded;

    private Payload(ElementType type, Object data, int offset, int count, boolean encoded) {
        this.type = type;
        this.data = data;
        this.offset = offset;
        this.count = count;
        this.encoded = encoded;
    }

    /**
     * @param type the element type, not {@link ElementType#OBJECT}
     * @param array an array of that type
     * @param offset the first element
     * @param count the number of elements
     * @return a payload over that slice (not copied)
     */
    public static Payload array(ElementType type, Object array, int offset, int count) {
        return new Payload(type, array, offset, count, false);
    }

    /**
     * @param value an immutable value
     * @return a payload passing it by reference
     */
    public static Payload value(Object value) {
        return new Payload(ElementType.OBJECT, value, 0, 1, false);
    }

    /**
     * @param bytes the codec's encoding of a mutable object
     * @return a payload carrying it
     */
    public static Payload encoded(byte[] bytes) {
        return new Payload(ElementType.OBJECT, bytes, 0, 1, true);
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return the array, the immutable value, or the encoded bytes */
    public Object data() {
        return data;
    }

    /** @return the first element of an array slice */
    public int offset() {
        return offset;
    }

    /** @return the number of elements (1 for an object) */
    public int count() {
        return count;
    }

    /** @return whether {@link #data()} is the codec's encoding of an object */
    public boolean encoded() {
        return encoded;
    }

    /** @return the number of bytes this payload moves, used to choose eager or rendezvous */
    public long bytes() {
        if (type != ElementType.OBJECT) {
            return (long) count * type.bytes();
        }
        return encoded ? ((byte[]) data).length : 0;
    }

    /** @return a payload with the same content that owns a private copy of an array slice */
    public Payload detached() {
        int from = offset;
        int to = offset + count;
        Object copy = switch (type) {
            case OBJECT -> null;
            case BYTE -> Arrays.copyOfRange((byte[]) data, from, to);
            case SHORT -> Arrays.copyOfRange((short[]) data, from, to);
            case INT -> Arrays.copyOfRange((int[]) data, from, to);
            case LONG -> Arrays.copyOfRange((long[]) data, from, to);
            case FLOAT -> Arrays.copyOfRange((float[]) data, from, to);
            case DOUBLE -> Arrays.copyOfRange((double[]) data, from, to);
            case CHAR -> Arrays.copyOfRange((char[]) data, from, to);
            case BOOLEAN -> Arrays.copyOfRange((boolean[]) data, from, to);
        };
        return copy == null ? this : new Payload(type, copy, 0, count, false);
    }
}
