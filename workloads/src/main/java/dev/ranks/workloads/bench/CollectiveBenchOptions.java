package dev.ranks.workloads.bench;

import dev.ranks.collectives.Op;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;

/**
 * What a collective benchmark run measures: which collective, message sizes from {@code minSize}
 * doubling up to {@code maxSize}, and how many calls each size gets. As in the OSU collective
 * benchmarks, sizes above {@link #LARGE_MESSAGE} run a tenth of the iterations and warm-up calls
 * (rounded up).
 *
 * @param kind the collective measured
 * @param minSize the smallest message in bytes, at least 1; for {@link CollectiveBench.Kind#ALLREDUCE}
 *     a multiple of {@link Double#BYTES}, since it reduces doubles
 * @param maxSize the largest message in bytes, from {@code minSize} to {@link #MAX_SIZE}; a barrier ignores both sizes
 * @param iterations the timed calls per size up to {@link #LARGE_MESSAGE}, at least 1
 * @param warmup the untimed calls before the timed ones, at least 0
 * @param op the operation of {@link CollectiveBench.Kind#ALLREDUCE}, one of
 *     {@link CollectiveBench#ALLREDUCE_OPS}; ignored by the other kinds (may be null there)
 */
public record CollectiveBenchOptions(CollectiveBench.Kind kind, int minSize, int maxSize, int iterations, int warmup,
                                     Op op) {
    /** The default smallest message: 8 bytes, one double. */
    public static final int DEFAULT_MIN_SIZE = 8;
    /** The default largest message: 1 MiB, as the OSU collective benchmarks. */
    public static final int DEFAULT_MAX_SIZE = 1 << 20;
    /** The default timed calls per small size, as the OSU benchmarks. */
    public static final int DEFAULT_ITERATIONS = 1000;
    /** The default untimed calls per small size. */
    public static final int DEFAULT_WARMUP = 100;
    /**
     * The largest buffer a rank may need: {@code maxSize} for bcast and allreduce, {@code maxSize}
     * times the number of ranks for the receive buffers of alltoall and allgather.
     */
    public static final int MAX_SIZE = 1 << 30;
    /** Sizes above this run a tenth of the iterations; OSU's threshold for large messages. */
    public static final int LARGE_MESSAGE = 8 << 10;

    private static final int LARGE_DIVISOR = 10;

    /**
     * Checks the values.
     *
     * @param kind the collective measured
     * @param minSize the smallest message in bytes
     * @param maxSize the largest message in bytes
     * @param iterations the timed calls per small size
     * @param warmup the untimed calls per small size
     * @param op the operation of an allreduce
     * @throws RanksException ({@link ErrorClass#ARG}) naming a value out of range
     */
    public CollectiveBenchOptions {
        if (kind == null) {
            throw SizeSweep.invalid("the collective is null: expected one of bcast, allreduce, alltoall, allgather, barrier");
        }
        SizeSweep.checkMinSize(minSize);
        if (kind == CollectiveBench.Kind.ALLREDUCE && minSize % Double.BYTES != 0) {
            throw SizeSweep.invalid("min size " + minSize + " is invalid for allreduce, which reduces doubles: expected a "
                    + "multiple of " + Double.BYTES + " bytes");
        }
        SizeSweep.checkRest(minSize, maxSize, MAX_SIZE, iterations, warmup);
        if (kind == CollectiveBench.Kind.ALLREDUCE && (op == null || !CollectiveBench.ALLREDUCE_OPS.contains(op))) {
            throw SizeSweep.invalid("op " + op + " is invalid for allreduce, which reduces doubles: expected one of "
                    + CollectiveBench.ALLREDUCE_OPS);
        }
    }

    /**
     * @param kind the collective measured
     * @return sizes 8 B to 1 MiB, 1000 timed and 100 warm-up calls per small size, {@link Op#SUM}
     */
    public static CollectiveBenchOptions defaults(CollectiveBench.Kind kind) {
        return new CollectiveBenchOptions(kind, DEFAULT_MIN_SIZE, DEFAULT_MAX_SIZE, DEFAULT_ITERATIONS, DEFAULT_WARMUP,
                Op.SUM);
    }

    /** @return the message sizes measured: {@code minSize}, doubling while at most {@code maxSize}; just 0 for a barrier */
    public List<Integer> sizes() {
        return kind == CollectiveBench.Kind.BARRIER ? List.of(0) : SizeSweep.sizes(minSize, maxSize);
    }

    /**
     * @param size a message size in bytes
     * @return the timed calls at that size
     */
    public int iterationsAt(int size) {
        return size <= LARGE_MESSAGE ? iterations : ceilDiv(iterations, LARGE_DIVISOR);
    }

    /**
     * @param size a message size in bytes
     * @return the untimed calls before the timed ones at that size
     */
    public int warmupAt(int size) {
        return size <= LARGE_MESSAGE ? warmup : ceilDiv(warmup, LARGE_DIVISOR);
    }

    /**
     * Checks that the largest buffer a rank needs on a communicator of {@code ranks} ranks is an
     * array Java can allocate.
     *
     * @param ranks the communicator size, at least 1
     * @throws RanksException ({@link ErrorClass#ARG}) naming the size and the ranks when the
     *     receive buffer of an alltoall or allgather would exceed {@link #MAX_SIZE}
     */
    public void checkRanks(int ranks) {
        long largest = kind == CollectiveBench.Kind.BARRIER ? 0 : (long) maxSize * kind.blocks(ranks);
        if (largest > MAX_SIZE) {
            throw SizeSweep.invalid("max size " + maxSize + " is invalid for " + kind.label() + " on " + ranks + " ranks: each rank"
                    + " would need a buffer of " + largest + " bytes (size x ranks); expected at most " + MAX_SIZE);
        }
    }

    /**
     * Bytes of Java arrays the ranks of a communicator of {@code ranks} hold together at the largest
     * size, their send and receive buffers, so that a size too large for the heap is refused before
     * any rank starts; an algorithm's own temporary buffers come on top.
     *
     * @param ranks the communicator size, at least 1
     * @return the bytes
     */
    public long heapBytes(int ranks) {
        long perRank = switch (kind) {
            case BCAST -> maxSize;
            case ALLREDUCE -> 2L * maxSize;
            case ALLTOALL -> 2L * maxSize * ranks;
            case ALLGATHER -> (long) maxSize * (ranks + 1);
            case BARRIER -> 0;
        };
        return perRank * ranks;
    }

    private static int ceilDiv(int count, int divisor) {
        return (count + divisor - 1) / divisor;
    }

}
