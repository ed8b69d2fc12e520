package dev.ranks.mpi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.Status;
import dev.ranks.comm.TruncationException;
import dev.ranks.comm.TypeMismatchException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A message a probe took off MPI to read its header: its envelope, header and data. A large
 * object's bytes are still on the context's aux communicator.
 */
final class Taken {
    final int context;
    /** The source's rank in the context's MPI communicator. */
    final int source;
    final int tag;
    final int kind;
    final int type;
    final int count;
    /** The data (primitive elements in native order, or an object's encoding); null for a large object. */
    final byte[] data;

    private Taken(int context, int source, int tag, int kind, int type, int count, byte[] data) {
        this.context = context;
        this.source = source;
        this.tag = tag;
        this.kind = kind;
        this.type = type;
        this.count = count;
        this.data = data;
    }

    /** Reads a taken message out of the memory the shim received it into. */
    static Taken of(int context, int[] st, long buffer) {
        int kind = st[MpiNative.KIND];
        int bytes = st[MpiNative.BYTES] - MpiEndpoint.HEADER;
        byte[] data = null;
        if (kind != MpiEndpoint.KIND_OBJECT_LARGE && kind != MpiEndpoint.KIND_NULL) {
            data = new byte[bytes];
            MpiNative.get(buffer, MpiEndpoint.HEADER, ElementType.BYTE.ordinal(), data, 0, bytes);
        }
        return new Taken(context, st[MpiNative.SOURCE], st[MpiNative.TAG], kind, st[MpiNative.TYPE],
                st[MpiNative.COUNT], data);
    }

    boolean matches(int context, int from, int tag, int anySource, int anyTag) {
        return this.context == context && (from == anySource || from == source) && (tag == anyTag || tag == this.tag);
    }

    boolean isObject() {
        return kind >= MpiEndpoint.KIND_OBJECT_INLINE;
    }

    ElementType elementType() {
        return isObject() ? ElementType.OBJECT : MpiEndpoint.TYPES[type];
    }

    Status status(MpiEndpoint.Contexts c) {
        return new Status(c.members()[source], tag, isObject() ? 1 : count, elementType(), false);
    }

    /** Delivers the message into an array receive after checking its type and count. */
    Status deliverTo(MpiEndpoint endpoint, MpiEndpoint.Contexts c, ElementType expected, Object array, int offset,
                     int capacity) {
        int worldSource = c.members()[source];
        String from = MpiEndpoint.from(worldSource, tag);
        if (elementType() != expected) {
            drain(endpoint, c);
            throw new TypeMismatchException(endpoint.rankForErrors(), elementType(), expected, from);
        }
        if (count > capacity) {
            throw new TruncationException(endpoint.rankForErrors(), count, capacity, from);
        }
        copy(data, expected, array, offset, count);
        return new Status(worldSource, tag, count, expected, false);
    }

    /** The encoding an object message carries, for an object receive: a large one's bytes are received from aux first. */
    byte[] objectBytes(MpiEndpoint endpoint, MpiEndpoint.Contexts c) {
        if (kind != MpiEndpoint.KIND_OBJECT_LARGE) {
            return data;
        }
        byte[] bytes = new byte[count];
        endpoint.check(MpiNative.recvData(c.aux(), source, tag, bytes, count), "MPI_Recv");
        return bytes;
    }

    /** Receives and drops a large object's bytes, which no receive takes. */
    void drain(MpiEndpoint endpoint, MpiEndpoint.Contexts c) {
        if (kind == MpiEndpoint.KIND_OBJECT_LARGE) {
            objectBytes(endpoint, c);
        }
    }

    /** Copies elements held as native-order bytes into a Java array. */
    static void copy(byte[] bytes, ElementType type, Object array, int offset, int count) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        switch (type) {
            case BYTE -> System.arraycopy(bytes, 0, array, offset, count);
            case SHORT -> b.asShortBuffer().get((short[]) array, offset, count);
            case INT -> b.asIntBuffer().get((int[]) array, offset, count);
            case LONG -> b.asLongBuffer().get((long[]) array, offset, count);
            case FLOAT -> b.asFloatBuffer().get((float[]) array, offset, count);
            case DOUBLE -> b.asDoubleBuffer().get((double[]) array, offset, count);
            case CHAR -> b.asCharBuffer().get((char[]) array, offset, count);
            case BOOLEAN -> {
                boolean[] target = (boolean[]) array;
                for (int i = 0; i < count; i++) {
                    target[offset + i] = bytes[i] != 0;
                }
            }
            case OBJECT -> throw new IllegalArgumentException("objects are not elements");
        }
    }
}
