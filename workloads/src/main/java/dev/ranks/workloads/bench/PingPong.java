package dev.ranks.workloads.bench;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ping-pong between ranks 0 and 1, as OSU's osu_latency: for each size, rank 0 sends a byte[] to
 * rank 1, which sends it straight back. Rank 0 times every round trip on its own and reports the
 * median, which a noisy machine disturbs less than the mean. The same round trips give the
 * bandwidth, {@code 2 * size / RTT}, so latency and bandwidth figures always describe one run.
 * Ranks 2 and up take no part and return at once. Each row also carries what a plain
 * {@code System.arraycopy} of the same size reaches in the same run (see {@link Reference}).
 */
public final class PingPong {
    /** The fewest ranks a run needs. */
    public static final int MIN_RANKS = 2;

    private static final int TAG = 0;
    /**
     * Before the first size, both ranks run this many times its warm-up count untimed, so that
     * the JIT has compiled the messaging path before any size is timed; otherwise the first
     * row measures the compiler.
     */
    private static final int PRE_WARM_FACTOR = 10;
    private static final double NANOS_PER_MICRO = 1e3;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double BYTES_PER_MIB = 1 << 20;

    private PingPong() {
    }

    /**
     * Runs one rank's part of the benchmark.
     *
     * @param comm this rank's communicator, of at least {@link #MIN_RANKS} ranks
     * @param options the sizes and iteration counts; every rank must be handed the same
     * @return on rank 0, one row per size in increasing order; on other ranks, an empty list
     * @throws RanksException ({@link ErrorClass#USAGE}) when the communicator has one rank
     */
    public static List<PingPongRow> run(Comm comm, PingPongOptions options) {
        return run(comm, options, () -> { });
    }

    /**
     * {@link #run(Comm, PingPongOptions)}, telling {@code sizeDone} on rank 0 after each size, as a progress bar
     * counts them.
     *
     * @param comm this rank's communicator, of at least {@link #MIN_RANKS} ranks
     * @param options the sizes and iteration counts; every rank must be handed the same
     * @param sizeDone called on rank 0 after each size is measured, outside the timing
     * @return on rank 0, one row per size in increasing order; on other ranks, an empty list
     * @throws RanksException ({@link ErrorClass#USAGE}) when the communicator has one rank
     */
    public static List<PingPongRow> run(Comm comm, PingPongOptions options, Runnable sizeDone) {
        if (comm.size() < MIN_RANKS) {
            throw new RanksException(ErrorClass.USAGE, comm.rank(), "ping-pong needs at least " + MIN_RANKS
                    + " ranks, got " + comm.size(), null);
        }
        return switch (comm.rank()) {
            case 0 -> ping(comm, options, sizeDone);
            case 1 -> pong(comm, options);
            default -> List.of();
        };
    }

    private static List<PingPongRow> ping(Comm comm, PingPongOptions options, Runnable sizeDone) {
        byte[] buf = new byte[options.maxSize()];
        List<PingPongRow> rows = new ArrayList<>();
        int first = options.sizes().get(0);
        for (int i = PRE_WARM_FACTOR * options.warmupAt(first); i > 0; i--) {
            comm.send(buf, 0, first, 1, TAG);
            comm.recv(buf, 0, first, 1, TAG);
        }
        for (int size : options.sizes()) {
            for (int i = options.warmupAt(size); i > 0; i--) {
                comm.send(buf, 0, size, 1, TAG);
                comm.recv(buf, 0, size, 1, TAG);
            }
            long[] roundTrips = new long[options.iterationsAt(size)];
            for (int i = 0; i < roundTrips.length; i++) {
                long start = System.nanoTime();
                comm.send(buf, 0, size, 1, TAG);
                comm.recv(buf, 0, size, 1, TAG);
                roundTrips[i] = System.nanoTime() - start;
            }
            rows.add(row(size, roundTrips, Reference.copyMiBps(size, roundTrips.length)));
            sizeDone.run();
        }
        return rows;
    }

    private static List<PingPongRow> pong(Comm comm, PingPongOptions options) {
        byte[] buf = new byte[options.maxSize()];
        int first = options.sizes().get(0);
        for (int i = PRE_WARM_FACTOR * options.warmupAt(first); i > 0; i--) {
            comm.recv(buf, 0, first, 0, TAG);
            comm.send(buf, 0, first, 0, TAG);
        }
        for (int size : options.sizes()) {
            for (int i = options.warmupAt(size) + options.iterationsAt(size); i > 0; i--) {
                comm.recv(buf, 0, size, 0, TAG);
                comm.send(buf, 0, size, 0, TAG);
            }
        }
        return List.of();
    }

    private static PingPongRow row(int size, long[] roundTrips, double copyMiBps) {
        double rttNanos = median(roundTrips);
        double latencyMicros = rttNanos / 2 / NANOS_PER_MICRO;
        double bandwidth = 2.0 * size / (rttNanos / NANOS_PER_SECOND) / BYTES_PER_MIB;
        return new PingPongRow(size, roundTrips.length, latencyMicros, bandwidth, copyMiBps);
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
