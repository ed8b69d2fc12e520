package dev.ranks.workloads.bench;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;

/**
 * What a ping-pong run measures: message sizes from {@code minSize} doubling up to {@code maxSize},
 * and how many round trips each size gets. As in OSU's osu_latency, sizes above
 * {@link #LARGE_MESSAGE} run fewer iterations: in proportion to the size, so that each size moves
 * about as many bytes as {@link #LARGE_MESSAGE} does, but never fewer than
 * {@link #MIN_LARGE_ITERATIONS} (nor more than asked for).
 *
 * @param minSize the smallest message in bytes, at least 1
 * @param maxSize the largest message in bytes, from {@code minSize} to {@link #MAX_SIZE}
 * @param iterations the timed round trips per size up to {@link #LARGE_MESSAGE}, at least 1
 * @param warmup the untimed round trips before the timed ones, at least 0; scaled down for large
 *     sizes like {@code iterations}
 */
public record PingPongOptions(int minSize, int maxSize, int iterations, int warmup) {
    /** The default smallest message: 1 byte. */
    public static final int DEFAULT_MIN_SIZE = 1;
    /** The default largest message: 16 MiB. */
    public static final int DEFAULT_MAX_SIZE = 16 << 20;
    /** The default timed round trips per small size. */
    public static final int DEFAULT_ITERATIONS = 10_000;
    /** The default untimed round trips per small size. */
    public static final int DEFAULT_WARMUP = 2000;
    /** The largest size allowed: each of the two ranks holds a buffer of {@code maxSize} bytes. */
    public static final int MAX_SIZE = 1 << 30;
    /** Sizes above this run fewer iterations; OSU's threshold for large messages. */
    public static final int LARGE_MESSAGE = 8 << 10;
    /** The fewest timed round trips a large size gets, so that its median means something. */
    public static final int MIN_LARGE_ITERATIONS = 50;

    private static final int MIN_LARGE_WARMUP = 2;

    /**
     * Checks the values.
     *
     * @param minSize the smallest message in bytes
     * @param maxSize the largest message in bytes
     * @param iterations the timed round trips per small size
     * @param warmup the untimed round trips per small size
     * @throws RanksException ({@link ErrorClass#ARG}) naming a value out of range
     */
    public PingPongOptions {
        SizeSweep.checkMinSize(minSize);
        SizeSweep.checkRest(minSize, maxSize, MAX_SIZE, iterations, warmup);
    }

    /** @return sizes 1 B to 16 MiB, 10 000 timed and 100 warm-up round trips per small size */
    public static PingPongOptions defaults() {
        return new PingPongOptions(DEFAULT_MIN_SIZE, DEFAULT_MAX_SIZE, DEFAULT_ITERATIONS, DEFAULT_WARMUP);
    }

    /** @return the message sizes measured: {@code minSize}, doubling while at most {@code maxSize} */
    public List<Integer> sizes() {
        return SizeSweep.sizes(minSize, maxSize);
    }

    /**
     * @param size a message size in bytes
     * @return the timed round trips at that size
     */
    public int iterationsAt(int size) {
        return scaled(iterations, size, MIN_LARGE_ITERATIONS);
    }

    /**
     * @param size a message size in bytes
     * @return the untimed round trips before the timed ones at that size
     */
    public int warmupAt(int size) {
        return scaled(warmup, size, MIN_LARGE_WARMUP);
    }

    private static int scaled(int count, int size, int floor) {
        if (size <= LARGE_MESSAGE) {
            return count;
        }
        long proportional = (long) count * LARGE_MESSAGE / size;
        return (int) Math.min(count, Math.max(floor, proportional));
    }

    /**
     * Bytes of Java arrays a run holds at its largest size, so that a size too large for the heap is
     * refused before any rank starts: ranks 0 and 1 each a buffer of {@link #maxSize()}, and rank 0
     * two more of that size for the copy reference.
     *
     * @return the bytes
     */
    public long heapBytes() {
        return 4L * maxSize;
    }
}
