package dev.ranks.comm;

import java.util.Optional;

/** What a message holds: one of the eight primitive element types, or an object. */
public enum ElementType {
    /** {@code byte[]} elements. */
    BYTE(byte[].class, 1),
    /** {@code short[]} elements. */
    SHORT(short[].class, 2),
    /** {@code int[]} elements. */
    INT(int[].class, 4),
    /** {@code long[]} elements. */
    LONG(long[].class, 8),
    /** {@code float[]} elements. */
    FLOAT(float[].class, 4),
    /** {@code double[]} elements. */
    DOUBLE(double[].class, 8),
    /** {@code char[]} elements. */
    CHAR(char[].class, 2),
    /** {@code boolean[]} elements. */
    BOOLEAN(boolean[].class, 1),
    /** One object value, passed by reference when immutable, otherwise encoded. */
    OBJECT(Object.class, 0);

    private final Class<?> arrayClass;
    private final int bytes;

    ElementType(Class<?> arrayClass, int bytes) {
        this.arrayClass = arrayClass;
        this.bytes = bytes;
    }

    /** @return the size of one element in bytes (0 for {@link #OBJECT}) */
    public int bytes() {
        return bytes;
    }

    /** @return the array class of this element type, or {@code Object.class} for {@link #OBJECT} */
    public Class<?> arrayClass() {
        return arrayClass;
    }

    /** @return how messages of this type are named in errors, such as {@code int[]} or {@code an object} */
    public String description() {
        return this == OBJECT ? "an object" : arrayClass.getSimpleName();
    }

    /**
     * The element type of a primitive array.
     *
     * @param array any object
     * @return the type of its elements, or empty when it is not one of the eight primitive array types
     */
    public static Optional<ElementType> ofArray(Object array) {
        for (ElementType t : values()) {
            if (t != OBJECT && t.arrayClass.isInstance(array)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
