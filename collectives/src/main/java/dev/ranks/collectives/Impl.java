package dev.ranks.collectives;

import dev.ranks.comm.spi.NativeOp;

/**
 * The shape of each collective's algorithms: a static {@code schedule} method that writes the
 * algorithm's steps into a {@link Schedule}. Counts and offsets are in elements. Every rank calls
 * the same algorithm with consistent arguments.
 */
final class Impl {
    private Impl() {
    }

    /** Barrier. */
    @FunctionalInterface
    interface Barrier {
        void schedule(Schedule s);
    }

    /** Broadcast {@code count} elements of {@code buf} at {@code offset} from {@code root}. */
    @FunctionalInterface
    interface Bcast {
        void schedule(Schedule s, Buf buf, int offset, int count, int root);
    }

    /**
     * Scatter: the root sends block {@code i} ({@code counts[i]} elements of {@code send} at
     * {@code displs[i]}) to rank {@code i}, which receives {@code recvCount} elements into
     * {@code recv} at {@code recvOffset}. {@code send} is significant only at the root (null
     * elsewhere); {@code counts} and {@code displs} are known at every rank for the uniform form,
     * only at the root (null elsewhere) for {@code scatterv}. The root's own block is copied by the
     * algorithm too.
     */
    @FunctionalInterface
    interface Scatter {
        void schedule(Schedule s, Buf send, int[] counts, int[] displs, Buf recv, int recvOffset, int recvCount, int root);
    }

    /** Gather: the mirror of {@link Scatter}; {@code recv}, and for gatherv the counts, only at the root. */
    @FunctionalInterface
    interface Gather {
        void schedule(Schedule s, Buf send, int sendOffset, int sendCount, Buf recv, int[] counts, int[] displs, int root);
    }

    /**
     * Allgather, in place: rank {@code r}'s block is already in {@code buf} at {@code displs[r]};
     * afterwards every block {@code i} is there, {@code counts[i]} elements at {@code displs[i]}.
     */
    @FunctionalInterface
    interface Allgather {
        void schedule(Schedule s, Buf buf, int[] counts, int[] displs);
    }

    /** Alltoall: block {@code j} of {@code send} goes to rank {@code j}, arriving as block {@code r} of its {@code recv}. */
    @FunctionalInterface
    interface Alltoall {
        void schedule(Schedule s, Buf send, int[] sendCounts, int[] sendDispls, Buf recv, int[] recvCounts,
                      int[] recvDispls);
    }

    /**
     * Reduce, in a work buffer: {@code buf} holds this rank's contribution and may be overwritten;
     * at the root it ends holding the result {@code v0 ∘ v1 ∘ … ∘ v(p-1)}.
     */
    @FunctionalInterface
    interface Reduce {
        void schedule(Schedule s, Op op, Buf buf, int offset, int count, int root);
    }

    /**
     * Allreduce: the result lands in {@code buf} at {@code offset}. This rank's contribution is in
     * {@code send} at {@code sendOffset}, which the algorithm only reads; or, when {@code send} is
     * null (the in-place form), already in {@code buf}. Reading {@code send} directly lets an
     * algorithm skip the copy of the whole vector into {@code buf} that an in-place algorithm
     * needs first.
     */
    @FunctionalInterface
    interface Allreduce {
        void schedule(Schedule s, Op op, Buf send, int sendOffset, Buf buf, int offset, int count);
    }

    /**
     * Reduce-scatter: {@code work} holds this rank's whole vector (the sum of {@code counts}
     * elements from offset 0) and may be overwritten; block {@code r} of the result
     * ({@code counts[r]} elements) lands in {@code recv} at {@code recvOffset}.
     */
    @FunctionalInterface
    interface ReduceScatter {
        void schedule(Schedule s, Op op, Buf work, int[] counts, Buf recv, int recvOffset);
    }

    /**
     * Scan and exscan, in place: {@code buf} holds this rank's contribution and ends holding
     * {@code v0 ∘ … ∘ vr} (scan) or {@code v0 ∘ … ∘ v(r-1)} (exscan; left unchanged on rank 0).
     */
    @FunctionalInterface
    interface Scan {
        void schedule(Schedule s, Op op, Buf buf, int offset, int count);
    }

    /** Barrier through a communicator's shared memory; runs to completion. */
    @FunctionalInterface
    interface SharedBarrier {
        void run(ShmArea.Member m);
    }

    /** Broadcast through shared memory, as {@link Bcast}; runs to completion. */
    @FunctionalInterface
    interface SharedBcast {
        void run(ShmArea.Member m, Buf buf, int offset, int count, int root);
    }

    /**
     * Allreduce through shared memory: {@code count} elements of {@code send} from
     * {@code sendOffset} combined into {@code recv} from {@code recvOffset}; the two may be the same
     * range (the in-place form). Runs to completion.
     */
    @FunctionalInterface
    interface SharedAllreduce {
        void run(ShmArea.Member m, Op op, Buf send, int sendOffset, Buf recv, int recvOffset, int count);
    }

    /** Barrier by the device; runs to completion, as do all the native algorithms. */
    @FunctionalInterface
    interface NativeBarrier {
        void run(NativeComm c);
    }

    /** Broadcast by the device, as {@link Bcast}. */
    @FunctionalInterface
    interface NativeBcast {
        void run(NativeComm c, Buf buf, int offset, int count, int root);
    }

    /**
     * Scatter by the device: the root's {@code send} holds {@code size} blocks of {@code count}
     * elements from offset 0 (null elsewhere); this rank's block lands in {@code recv} at
     * {@code recvOffset}.
     */
    @FunctionalInterface
    interface NativeScatter {
        void run(NativeComm c, Buf send, int count, Buf recv, int recvOffset, int root);
    }

    /**
     * Gather by the device: {@code count} elements of {@code send} from {@code sendOffset} land at
     * the root in block {@code r} of {@code recv} (from offset 0; null elsewhere).
     */
    @FunctionalInterface
    interface NativeGather {
        void run(NativeComm c, Buf send, int sendOffset, int count, Buf recv, int root);
    }

    /**
     * Allgather by the device, in place: this rank's block of {@code count} elements is already in
     * {@code buf} at {@code rank * count}; afterwards every rank's block is.
     */
    @FunctionalInterface
    interface NativeAllgather {
        void run(NativeComm c, Buf buf, int count);
    }

    /** Alltoall by the device: blocks of {@code count} elements from offset 0 of {@code send} and {@code recv}. */
    @FunctionalInterface
    interface NativeAlltoall {
        void run(NativeComm c, Buf send, int count, Buf recv);
    }

    /**
     * Reduce by the device: {@code count} elements of {@code send} from {@code sendOffset} combined
     * into the root's {@code recv} at {@code recvOffset} ({@code recv} is null elsewhere); at the
     * root the two may be the same range (the in-place form).
     */
    @FunctionalInterface
    interface NativeReduce {
        void run(NativeComm c, NativeOp op, Buf send, int sendOffset, Buf recv, int recvOffset, int count, int root);
    }

    /** Allreduce by the device, as {@link SharedAllreduce}. */
    @FunctionalInterface
    interface NativeAllreduce {
        void run(NativeComm c, NativeOp op, Buf send, int sendOffset, Buf recv, int recvOffset, int count);
    }
}
