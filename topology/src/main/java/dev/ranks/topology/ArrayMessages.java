package dev.ranks.topology;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Request;

/**
 * Non-blocking sends and receives of a slice of any primitive array, for workers that take the
 * array as an {@code Object}: one dispatch to {@link Comm}'s overload of the array's type, so the
 * workers are written once for all eight types.
 */
final class ArrayMessages {
    private ArrayMessages() {
    }

    static Request isend(Comm comm, Object buf, int offset, int count, int dest, int tag) {
        if (buf instanceof byte[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof short[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof int[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof long[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof float[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof double[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof char[] a) {
            return comm.isend(a, offset, count, dest, tag);
        } else if (buf instanceof boolean[] a) {
            return comm.isend(a, offset, count, dest, tag);
        }
        throw notPrimitive(comm, buf);
    }

    static Request irecv(Comm comm, Object buf, int offset, int count, int source, int tag) {
        if (buf instanceof byte[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof short[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof int[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof long[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof float[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof double[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof char[] a) {
            return comm.irecv(a, offset, count, source, tag);
        } else if (buf instanceof boolean[] a) {
            return comm.irecv(a, offset, count, source, tag);
        }
        throw notPrimitive(comm, buf);
    }

    /** Unreachable through the public overloads, which only pass primitive arrays. */
    private static RanksException notPrimitive(Comm comm, Object buf) {
        return new RanksException(ErrorClass.INTERNAL, comm.rank(), "buffer of " + buf.getClass().getName()
                + " reached the array worker: expected a primitive array", null);
    }
}
