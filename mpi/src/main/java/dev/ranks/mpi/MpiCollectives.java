package dev.ranks.mpi;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.spi.NativeCollectives;
import dev.ranks.comm.spi.NativeOp;
import java.util.EnumSet;
import java.util.Set;

/**
 * The MPI library's own collectives, on the MPI communicator of a Ranks communicator's
 * collective context, straight on the Java arrays (JNI critical access).
 *
 * <p>{@link #supports} admits what MPI defines and what gives Java's results bit for bit:
 * arithmetic on the numeric types, bitwise operations on the integer types, logical ones on
 * booleans and integers. Floating-point MAX and MIN are left to Ranks' algorithms, because C's
 * comparisons treat NaN and signed zeros differently from {@link Math#max(double, double)}.
 */
final class MpiCollectives implements NativeCollectives {
    private static final int ALLGATHER = 0;
    private static final int GATHER = 1;
    private static final int SCATTER = 2;
    private static final int ALLTOALL = 3;
    /** The largest reduction, in bytes, made by a direct call or staged (input at 0, result here in staging). */
    private static final int SMALL_REDUCTION = 256;
    private static final Set<ElementType> INTEGERS = EnumSet.of(ElementType.BYTE, ElementType.SHORT, ElementType.INT,
            ElementType.LONG);
    private static final Set<ElementType> FLOATS = EnumSet.of(ElementType.FLOAT, ElementType.DOUBLE);

    private final MpiEndpoint endpoint;
    /**
     * Whether small reductions go through FFM: where the endpoint does and no other thread of the
     * rank may call MPI, since the direct call waits for the other ranks with the JVM's safepoints
     * held off.
     */
    private final boolean directReductions;

    MpiCollectives(MpiEndpoint endpoint) {
        this.endpoint = endpoint;
        this.directReductions = endpoint.direct() && !Mpi.threadMultiple();
    }

    @Override
    public boolean supports(ElementType type, NativeOp op) {
        if (type == ElementType.OBJECT) {
            return false;
        }
        if (op == null) {
            return true;
        }
        return switch (op) {
            case SUM, PROD -> INTEGERS.contains(type) || FLOATS.contains(type);
            case MAX, MIN -> INTEGERS.contains(type);
            case LAND, LOR, LXOR -> INTEGERS.contains(type) || type == ElementType.BOOLEAN;
            case BAND, BOR, BXOR -> INTEGERS.contains(type) || type == ElementType.CHAR;
        };
    }

    /**
     * MPI_Allreduce (root &lt; 0) or MPI_Reduce through MPI's own, on the Java arrays: small vectors
     * by a direct call (FFM) where {@link #directReductions} allows, else staged in Java so that the
     * JNI call takes only numbers (see {@link Staging}); large ones in place under JNI critical access.
     */
    private void reduce(int context, int root, ElementType type, NativeOp op, Object send, int sendOffset,
                        Object recv, int recvOffset, int count, String call) {
        endpoint.onOwner();
        long comm = comm(context);
        if ((long) count * type.bytes() > SMALL_REDUCTION) {
            endpoint.check(MpiNative.reduce(comm, root, type.ordinal(), op.ordinal(), send, sendOffset, recv, recvOffset,
                    count), call);
            return;
        }
        if (directReductions && type != ElementType.BOOLEAN) {
            endpoint.check(DirectCalls.reduce(comm, root, type.ordinal(), op.ordinal(), send, sendOffset, recv,
                    recvOffset, count), call);
            return;
        }
        Staging stage = endpoint.stagingFor();
        try {
            stage.put(0, type, send, sendOffset, count);
            endpoint.check(MpiNative.reduceStaged(comm, root, type.ordinal(), op.ordinal(), stage.address(), count),
                    call);
            boolean lands = root < 0 || endpoint.contexts(context).localRank(endpoint.rank()) == root;
            if (recv != null && lands) {
                stage.get(SMALL_REDUCTION, type, recv, recvOffset, count);
            }
        } finally {
            endpoint.releaseStaging(stage);
        }
    }

    @Override
    public void barrier(int context) {
        endpoint.onOwner();
        endpoint.check(MpiNative.barrier(comm(context)), "MPI_Barrier");
    }

    @Override
    public void bcast(int context, int root, ElementType type, Object array, int offset, int count) {
        endpoint.onOwner();
        endpoint.check(MpiNative.bcast(comm(context), root, type.ordinal(), array, offset, count), "MPI_Bcast");
    }

    @Override
    public void reduce(int context, int root, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                       int recvOffset, int count) {
        reduce(context, root, type, op, send, sendOffset, recv, recvOffset, count, "MPI_Reduce");
    }

    @Override
    public void allreduce(int context, ElementType type, NativeOp op, Object send, int sendOffset, Object recv,
                          int recvOffset, int count) {
        reduce(context, -1, type, op, send, sendOffset, recv, recvOffset, count, "MPI_Allreduce");
    }

    @Override
    public void allgather(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                          int recvOffset) {
        exchange(context, ALLGATHER, 0, type, send, sendOffset, count, recv, recvOffset, "MPI_Allgather");
    }

    @Override
    public void gather(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                       int recvOffset) {
        exchange(context, GATHER, root, type, send, sendOffset, count, recv, recvOffset, "MPI_Gather");
    }

    @Override
    public void scatter(int context, int root, ElementType type, Object send, int sendOffset, int count, Object recv,
                        int recvOffset) {
        exchange(context, SCATTER, root, type, send, sendOffset, count, recv, recvOffset, "MPI_Scatter");
    }

    @Override
    public void alltoall(int context, ElementType type, Object send, int sendOffset, int count, Object recv,
                         int recvOffset) {
        exchange(context, ALLTOALL, 0, type, send, sendOffset, count, recv, recvOffset, "MPI_Alltoall");
    }

    private void exchange(int context, int kind, int root, ElementType type, Object send, int sendOffset, int count,
                          Object recv, int recvOffset, String call) {
        endpoint.onOwner();
        Object in = send;
        int inOffset = sendOffset;
        // Allgather, and gather at its root, come with one array when this rank's block is already
        // in place: MPI_IN_PLACE in the shim. Anything else aliased goes to MPI as a copy.
        boolean inPlace = send != null && send == recv && (kind == ALLGATHER || kind == GATHER);
        if (send != null && send == recv && !inPlace) {
            // MPI forbids a send buffer that is also the receive buffer (outside MPI_IN_PLACE).
            int n = kind == SCATTER || kind == ALLTOALL ? count * endpoint.contexts(context).members().length : count;
            in = java.lang.reflect.Array.newInstance(send.getClass().getComponentType(), n);
            System.arraycopy(send, sendOffset, in, 0, n);
            inOffset = 0;
        }
        endpoint.check(MpiNative.exchange(comm(context), kind, root, type.ordinal(), in, inOffset, count, recv,
                recvOffset), call);
    }

    private long comm(int context) {
        return endpoint.contexts(context).main();
    }
}
