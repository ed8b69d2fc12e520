package dev.ranks.collectives;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.ObjectRequest;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Request;
import dev.ranks.comm.Status;
import java.lang.reflect.Array;

/**
 * An array that collective algorithms move and combine by element ranges, whatever its element
 * type: one of the eight primitive array types, or {@code Object[]} for the object collectives
 * (one element per item, mpi4py's lowercase API). Algorithms address data as {@code (buf, offset,
 * count)} in elements and never look at the element type; this class does the typed calls.
 */
abstract class Buf {
    final Object array;
    final ElementType type;

    private Buf(Object array, ElementType type) {
        this.array = array;
        this.type = type;
    }

    /** @return a buffer over a primitive array or an {@code Object[]} */
    static Buf of(Object array) {
        if (array instanceof Object[] items) {
            return new Objects(items);
        }
        // Tested in line rather than through ElementType.ofArray: every collective call wraps its
        // arrays, and the small ones cost little more than this.
        ElementType type = array instanceof double[] ? ElementType.DOUBLE
                : array instanceof int[] ? ElementType.INT
                : array instanceof long[] ? ElementType.LONG
                : array instanceof byte[] ? ElementType.BYTE
                : array instanceof float[] ? ElementType.FLOAT
                : array instanceof short[] ? ElementType.SHORT
                : array instanceof char[] ? ElementType.CHAR
                : array instanceof boolean[] ? ElementType.BOOLEAN : null;
        if (type == null) {
            throw new IllegalArgumentException("not an array: " + array);
        }
        return new Primitives(array, type);
    }

    /** @return a buffer of {@code n} elements of the same type */
    final Buf allocate(int n) {
        return of(type == ElementType.OBJECT ? new Object[n] : Array.newInstance(array.getClass().getComponentType(), n));
    }

    /** @return the number of elements */
    final int length() {
        return Array.getLength(array);
    }

    /** @return bytes per element, for algorithm selection; objects count as 64 */
    final int elementBytes() {
        return type == ElementType.OBJECT ? 64 : type.bytes();
    }

    /** Copies {@code n} elements to another buffer of the same type (objects by reference). */
    final void copyTo(int from, Buf dst, int to, int n) {
        if (n > 0) {
            System.arraycopy(array, from, dst.array, to, n);
        }
    }

    /** @return the type as users write it, for error messages: {@code int[]}, {@code objects} */
    final String describe() {
        return type == ElementType.OBJECT ? "objects" : type.arrayClass().getSimpleName();
    }

    abstract Request isend(Comm comm, int offset, int count, int dest, int tag);

    abstract Request irecv(Comm comm, int offset, int count, int source, int tag);

    /** Primitive arrays: received straight into the array. */
    private static final class Primitives extends Buf {
        Primitives(Object array, ElementType type) {
            super(array, type);
        }

        @Override
        Request isend(Comm comm, int offset, int count, int dest, int tag) {
            return comm.isendArray(array, offset, count, dest, tag);
        }

        @Override
        Request irecv(Comm comm, int offset, int count, int source, int tag) {
            return comm.irecvArray(array, offset, count, source, tag);
        }
    }

    /**
     * Items: a range of one item travels as the item itself (immutable values by reference),
     * a longer range as an {@code Object[]} copied by the codec.
     */
    private static final class Objects extends Buf {
        Objects(Object[] items) {
            super(items, ElementType.OBJECT);
        }

        @Override
        Request isend(Comm comm, int offset, int count, int dest, int tag) {
            Object[] items = (Object[]) array;
            Object message = count == 1 ? items[offset] : java.util.Arrays.copyOfRange(items, offset, offset + count);
            return comm.isend(message, dest, tag);
        }

        @Override
        Request irecv(Comm comm, int offset, int count, int source, int tag) {
            return new Landing(comm.irecv(source, tag), (Object[]) array, offset, count, comm.rank());
        }
    }

    /** A receive of items that lands them in the array once it completes. */
    private static final class Landing extends Request {
        private final ObjectRequest<Object> in;
        private final Object[] items;
        private final int offset;
        private final int count;
        private final int rank;
        private boolean landed;

        Landing(ObjectRequest<Object> in, Object[] items, int offset, int count, int rank) {
            super(Status.empty());
            this.in = in;
            this.items = items;
            this.offset = offset;
            this.count = count;
            this.rank = rank;
        }

        @Override
        public Status waitFor() {
            Status status = in.waitFor();
            land();
            return status;
        }

        @Override
        public boolean test() {
            if (!in.test()) {
                return false;
            }
            land();
            return true;
        }

        @Override
        public boolean cancel() {
            return in.cancel();
        }

        private void land() {
            if (landed) {
                return;
            }
            landed = true;
            Object value = in.get();
            if (count == 1) {
                items[offset] = value;
            } else if (value instanceof Object[] got && got.length == count) {
                System.arraycopy(got, 0, items, offset, count);
            } else {
                throw new RanksException(ErrorClass.INTERNAL, rank, "collective expected " + count
                        + " items in one message, got " + (value instanceof Object[] got ? got.length + " items" : value),
                        null);
            }
        }
    }
}
