package dev.ranks.mpj.bench;

import java.util.Arrays;
import java.util.Locale;
import mpi.MPI;

/**
 * Ping-pong between ranks 0 and 1 written directly against mpiJava, the reference that
 * bin/bench-compare-mpj sets Ranks on the {@code mpj} device against. It measures exactly as
 * Ranks' {@code bench latency} and {@code bench bw} do (dev.ranks.workloads.bench.PingPong): a
 * {@code byte[]} sent and sent straight back, untimed warm-up (ten times the first size's before
 * the first size), then the median of per-round-trip times; one-way latency = RTT / 2, bandwidth
 * = 2 * size / RTT. 10000 timed and 2000 warm-up round trips up to 8 KiB, proportionally fewer
 * above (at least 50 and 2).
 *
 * <p>Run it under MPJ Express's starter, for example {@code MPJ_HOME=... java -jar
 * $MPJ_HOME/lib/starter.jar -np 2 -dev niodev -cp launcher.jar dev.ranks.mpj.bench.PlainPingPong
 * 8 1048576}. Rank 0 prints one line per size: {@code SIZE LATENCY_US MIB_PER_S}.
 */
public final class PlainPingPong {
    private static final int TAG = 0;
    private static final int ITERATIONS = 10_000;
    private static final int WARMUP = 2_000;
    private static final int LARGE_MESSAGE = 8 << 10;
    private static final int PRE_WARM_FACTOR = 10;

    private PlainPingPong() {
    }

    /**
     * Runs one rank's part.
     *
     * @param args MPJ's arguments, then the message sizes in bytes
     */
    public static void main(String[] args) {
        String[] sizeArgs = MPI.Init(args);
        int rank = MPI.COMM_WORLD.Rank();
        int[] sizes = Arrays.stream(sizeArgs).mapToInt(Integer::parseInt).toArray();
        if (MPI.COMM_WORLD.Size() < 2 || sizes.length == 0) {
            if (rank == 0) {
                System.err.println("PlainPingPong needs 2 ranks and at least one size, got "
                        + MPI.COMM_WORLD.Size() + " ranks and sizes " + Arrays.toString(sizeArgs));
            }
            MPI.Finalize();
            return;
        }
        if (rank < 2) {
            byte[] buf = new byte[Arrays.stream(sizes).max().getAsInt()];
            roundTrips(rank, buf, sizes[0], PRE_WARM_FACTOR * scaled(WARMUP, sizes[0], 2));
            for (int size : sizes) {
                roundTrips(rank, buf, size, scaled(WARMUP, size, 2));
                long[] rtt = timed(rank, buf, size, scaled(ITERATIONS, size, 50));
                if (rank == 0) {
                    double median = median(rtt);
                    System.out.printf(Locale.ROOT, "%d %.3f %.1f%n", size, median / 2 / 1e3,
                            2.0 * size / (median / 1e9) / (1 << 20));
                }
            }
        }
        MPI.Finalize();
    }

    private static void roundTrips(int rank, byte[] buf, int size, int count) {
        for (int i = 0; i < count; i++) {
            roundTrip(rank, buf, size);
        }
    }

    private static long[] timed(int rank, byte[] buf, int size, int count) {
        long[] rtt = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            roundTrip(rank, buf, size);
            rtt[i] = System.nanoTime() - start;
        }
        return rtt;
    }

    private static void roundTrip(int rank, byte[] buf, int size) {
        if (rank == 0) {
            MPI.COMM_WORLD.Send(buf, 0, size, MPI.BYTE, 1, TAG);
            MPI.COMM_WORLD.Recv(buf, 0, size, MPI.BYTE, 1, TAG);
        } else {
            MPI.COMM_WORLD.Recv(buf, 0, size, MPI.BYTE, 0, TAG);
            MPI.COMM_WORLD.Send(buf, 0, size, MPI.BYTE, 0, TAG);
        }
    }

    private static int scaled(int count, int size, int floor) {
        if (size <= LARGE_MESSAGE) {
            return count;
        }
        long proportional = (long) count * LARGE_MESSAGE / size;
        return (int) Math.min(count, Math.max(floor, proportional));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
