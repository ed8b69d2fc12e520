package dev.ranks.workloads.bench;

/**
 * The physical limits a shared-memory transport is measured against, taken in the same run as the
 * benchmark because this machine is noisy and figures from another run do not compare: the speed
 * of one {@code System.arraycopy} (a transport that copies once cannot beat it) and the one-way
 * time of a cache line bounced between two threads (no transport between two cores can beat that).
 */
public final class Reference {
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MICRO = 1e3;
    private static final double BYTES_PER_MIB = 1 << 20;
    /** Round trips per timed batch of the cache-line reference. */
    private static final int BOUNCES_PER_BATCH = 100_000;
    private static final int BATCHES = 7;
    /** Bytes copied per timed sample of a small copy. */
    private static final int BATCH_BYTES = 1 << 16;

    /** The line bounced between the two threads: odd values go one way, even values the other. */
    private static volatile long line;

    private Reference() {
    }

    /**
     * Times {@code System.arraycopy} of {@code size} bytes between two arrays. Small copies are
     * timed in batches of about {@link #BATCH_BYTES} so that the clock's own cost does not count.
     *
     * @param size the bytes per copy, at least 0
     * @param iterations how many samples to take, at least 1
     * @return the median copy speed in MiB (2<sup>20</sup> bytes) per second; infinite for size 0
     */
    public static double copyMiBps(int size, int iterations) {
        byte[] from = new byte[size];
        byte[] to = new byte[size];
        int batch = Math.max(1, BATCH_BYTES / Math.max(1, size));
        long[] times = new long[Math.max(1, iterations)];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            for (int b = 0; b < batch; b++) {
                System.arraycopy(from, 0, to, 0, size);
            }
            times[i] = System.nanoTime() - start;
        }
        double nanos = Math.max(1, PingPong.median(times)) / batch;
        return size / (nanos / NANOS_PER_SECOND) / BYTES_PER_MIB;
    }

    /**
     * Bounces one cache line between this thread and a second one and returns the median one-way
     * time of several batches.
     *
     * @return microseconds for one thread's write to be seen by the other
     */
    public static double cacheLineMicros() {
        long[] batches = new long[BATCHES];
        Thread echo = new Thread(() -> {
            for (long v = 1; v < 2L * BOUNCES_PER_BATCH * BATCHES; v += 2) {
                while (line != v) {
                    Thread.onSpinWait();
                }
                line = v + 1;
            }
        }, "cache-line-echo");
        echo.setDaemon(true);
        line = 0;
        echo.start();
        long v = 1;
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < BOUNCES_PER_BATCH; i++, v += 2) {
                line = v;
                while (line != v + 1) {
                    Thread.onSpinWait();
                }
            }
            batches[b] = System.nanoTime() - start;
        }
        return PingPong.median(batches) / BOUNCES_PER_BATCH / 2 / NANOS_PER_MICRO;
    }
}
