package dev.ranks.topology;

import java.lang.reflect.Array;
import java.util.function.IntFunction;

/**
 * The eight primitive element types with the array overloads of the neighbour collectives bound to
 * each, so one test body covers all of them. Test values are small ints, turned into each type.
 */
enum Kind {
    BYTE(byte[]::new, v -> (byte) v,
            (c, s, r) -> c.neighborAllgather((byte[]) s, (byte[]) r),
            (c, s, r) -> c.neighborAlltoall((byte[]) s, (byte[]) r)),
    SHORT(short[]::new, v -> (short) v,
            (c, s, r) -> c.neighborAllgather((short[]) s, (short[]) r),
            (c, s, r) -> c.neighborAlltoall((short[]) s, (short[]) r)),
    INT(int[]::new, v -> v,
            (c, s, r) -> c.neighborAllgather((int[]) s, (int[]) r),
            (c, s, r) -> c.neighborAlltoall((int[]) s, (int[]) r)),
    LONG(long[]::new, v -> (long) v,
            (c, s, r) -> c.neighborAllgather((long[]) s, (long[]) r),
            (c, s, r) -> c.neighborAlltoall((long[]) s, (long[]) r)),
    FLOAT(float[]::new, v -> (float) v,
            (c, s, r) -> c.neighborAllgather((float[]) s, (float[]) r),
            (c, s, r) -> c.neighborAlltoall((float[]) s, (float[]) r)),
    DOUBLE(double[]::new, v -> (double) v,
            (c, s, r) -> c.neighborAllgather((double[]) s, (double[]) r),
            (c, s, r) -> c.neighborAlltoall((double[]) s, (double[]) r)),
    CHAR(char[]::new, v -> (char) v,
            (c, s, r) -> c.neighborAllgather((char[]) s, (char[]) r),
            (c, s, r) -> c.neighborAlltoall((char[]) s, (char[]) r)),
    BOOLEAN(boolean[]::new, v -> v % 2 != 0,
            (c, s, r) -> c.neighborAllgather((boolean[]) s, (boolean[]) r),
            (c, s, r) -> c.neighborAlltoall((boolean[]) s, (boolean[]) r));

    /** One neighbour collective on arrays of this kind. */
    interface Call {
        void run(TopoComm comm, Object send, Object recv);
    }

    private final IntFunction<Object> make;
    private final IntFunction<Object> box;
    final Call allgather;
    final Call alltoall;

    Kind(IntFunction<Object> make, IntFunction<Object> box, Call allgather, Call alltoall) {
        this.make = make;
        this.box = box;
        this.allgather = allgather;
        this.alltoall = alltoall;
    }

    /** An array of this kind holding the values, each turned into this type. */
    Object array(int... values) {
        Object array = make.apply(values.length);
        for (int i = 0; i < values.length; i++) {
            Array.set(array, i, box.apply(values[i]));
        }
        return array;
    }

    /** A value turned into this type, boxed, to compare with {@link Array#get(Object, int)}. */
    Object value(int v) {
        return box.apply(v);
    }
}
