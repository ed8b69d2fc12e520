package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/** The element types device buffers hold; host arrays of the same type move in and out. */
public enum ElementType {
    /** 32-bit IEEE floats, {@code float[]} on the host. */
    FLOAT(4, "float"),
    /** 64-bit IEEE doubles, {@code double[]} on the host; OpenCL devices need {@code cl_khr_fp64}. */
    DOUBLE(8, "double"),
    /** 64-bit integers, {@code long[]} on the host, unsigned on devices where it matters. */
    LONG(8, "long"),
    /** 32-bit integers, {@code int[]} on the host: counts, indices, the 32-bit atomics of user kernels. */
    INT(4, "int");

    private final int bytes;
    private final String javaName;

    ElementType(int bytes, String javaName) {
        this.bytes = bytes;
        this.javaName = javaName;
    }

    /**
     * The size of one element.
     *
     * @return bytes per element
     */
    public int bytes() {
        return bytes;
    }

    /**
     * The Java primitive type's name, for messages.
     *
     * @return such as {@code float}
     */
    public String javaName() {
        return javaName;
    }

    /**
     * The element type of a host array.
     *
     * @param host a {@code float[]}, {@code double[]}, {@code long[]} or {@code int[]}
     * @return its element type
     * @throws RanksException ({@code ARG}) for any other object
     */
    public static ElementType of(Object host) {
        if (host instanceof float[]) {
            return FLOAT;
        }
        if (host instanceof double[]) {
            return DOUBLE;
        }
        if (host instanceof long[]) {
            return LONG;
        }
        if (host instanceof int[]) {
            return INT;
        }
        throw new RanksException(ErrorClass.ARG, "host array "
                + (host == null ? "null" : host.getClass().getSimpleName()) + ": expected float[], double[], long[] or int[]");
    }

    /**
     * The number of elements of a host array of one of these types.
     *
     * @param host a {@code float[]}, {@code double[]}, {@code long[]} or {@code int[]}
     * @return its length
     */
    static int lengthOf(Object host) {
        return switch (of(host)) {
            case FLOAT -> ((float[]) host).length;
            case DOUBLE -> ((double[]) host).length;
            case LONG -> ((long[]) host).length;
            case INT -> ((int[]) host).length;
        };
    }
}
