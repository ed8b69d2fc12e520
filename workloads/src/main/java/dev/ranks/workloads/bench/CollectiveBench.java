package dev.ranks.workloads.bench;

import dev.ranks.collectives.Collective;
import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of a collective per message size, as the OSU collective benchmarks ({@code osu_bcast},
 * {@code osu_allreduce}, {@code osu_alltoall}, {@code osu_allgather}): for each size, every rank
 * runs the warm-up calls, then times each of the timed calls on its own, with a barrier after
 * every call so that each starts together; each rank's mean time per call is gathered at rank 0,
 * which reports their average, minimum and maximum over the ranks. Then every rank runs the
 * warm-up calls back to back and, after a barrier, times as many calls as before back to back,
 * with nothing between them, and rank 0 reports the average
 * time per call over the ranks ({@code bench/collectives.c} times Open MPI both ways too). Which
 * algorithm runs is the communicator's business: its selector's choice per size, or the one its
 * settings force.
 */
public final class CollectiveBench {
    /** The rank that broadcasts and that gathers the timings. */
    public static final int ROOT = 0;
    /** The operations an allreduce run may use: those that apply to double arrays. */
    public static final List<Op> ALLREDUCE_OPS = List.of(Op.SUM, Op.PROD, Op.MAX, Op.MIN);

    /**
     * Before the first size, every rank runs this many times its warm-up count untimed, so that the
     * JIT has compiled the collective's path before any size is timed.
     */
    private static final int PRE_WARM_FACTOR = 10;
    private static final double NANOS_PER_MICRO = 1e3;

    /** The collectives measured, and what the message size means for each. */
    public enum Kind {
        /** {@code bcast(byte[], 0)}: the size is the bytes rank 0 broadcasts. */
        BCAST(Collective.BCAST),
        /** {@code allreduce(double[], double[], op)}: the size is each rank's vector, size / 8 doubles. */
        ALLREDUCE(Collective.ALLREDUCE),
        /** {@code alltoall(byte[], byte[])}: the size is the bytes each rank sends to each rank. */
        ALLTOALL(Collective.ALLTOALL),
        /** {@code allgather(byte[], byte[])}: the size is the bytes each rank contributes. */
        ALLGATHER(Collective.ALLGATHER),
        /** {@code barrier()}: no size; the sweep is the one size 0. */
        BARRIER(Collective.BARRIER);

        private final Collective collective;

        Kind(Collective collective) {
            this.collective = collective;
        }

        /** @return the collective whose algorithms this benchmark runs */
        public Collective collective() {
            return collective;
        }

        /** @return the name on the command line: {@code bcast} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How many messages of the benchmark's size the largest buffer of a rank holds. */
        int blocks(int ranks) {
            return this == ALLTOALL || this == ALLGATHER ? ranks : 1;
        }
    }

    private CollectiveBench() {
    }

    /**
     * Runs one rank's part of the benchmark. Every rank of the communicator takes part.
     *
     * @param comm this rank's communicator
     * @param options the collective, sizes and iteration counts; every rank must be handed the same
     * @return on rank 0, one row per size in increasing order; on other ranks, an empty list
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) when a buffer
     *     would be too large for this communicator (see {@link CollectiveBenchOptions#checkRanks(int)})
     */
    public static List<CollectiveBenchRow> run(Intracomm comm, CollectiveBenchOptions options) {
        return run(comm, options, () -> { });
    }

    /**
     * {@link #run(Intracomm, CollectiveBenchOptions)}, telling {@code sizeDone} on rank 0 after each size, as a
     * progress bar counts them.
     *
     * @param comm this rank's communicator
     * @param options the collective, sizes and iteration counts; every rank must be handed the same
     * @param sizeDone called on rank 0 after each size is measured, outside the timing
     * @return on rank 0, one row per size in increasing order; on other ranks, an empty list
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) when a buffer
     *     would be too large for this communicator (see {@link CollectiveBenchOptions#checkRanks(int)})
     */
    public static List<CollectiveBenchRow> run(Intracomm comm, CollectiveBenchOptions options, Runnable sizeDone) {
        options.checkRanks(comm.size());
        List<CollectiveBenchRow> rows = new ArrayList<>();
        boolean first = true;
        for (int size : options.sizes()) {
            Runnable call = call(comm, options, size);
            int warmup = options.warmupAt(size) * (first ? PRE_WARM_FACTOR : 1);
            first = false;
            for (int i = 0; i < warmup; i++) {
                call.run();
                comm.barrier();
            }
            int iterations = options.iterationsAt(size);
            long total = 0;
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                call.run();
                total += System.nanoTime() - start;
                comm.barrier();
            }
            // The back-to-back loop is compiled on its own (on-stack replacement): warm it up too, or
            // its first calls run interpreted and the figure measures the JIT (2 ranks, 8 B bcast:
            // 0.7 us per call after 200,000 calls, 0.19 after 8 million).
            for (int i = 0; i < warmup; i++) {
                call.run();
            }
            comm.barrier();
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                call.run();
            }
            double backToBack = (System.nanoTime() - start) / NANOS_PER_MICRO / iterations;
            List<double[]> means = comm.gather(new double[] {total / NANOS_PER_MICRO / iterations, backToBack}, ROOT);
            comm.barrier();
            if (comm.rank() == ROOT) {
                rows.add(row(size, iterations, means));
                sizeDone.run();
            }
        }
        return comm.rank() == ROOT ? rows : List.of();
    }

    /** One call of the collective at one size, its buffers allocated once, before any is timed. */
    private static Runnable call(Intracomm comm, CollectiveBenchOptions options, int size) {
        int ranks = comm.size();
        return switch (options.kind()) {
            case BCAST -> {
                byte[] buf = new byte[size];
                yield () -> comm.bcast(buf, ROOT);
            }
            case ALLREDUCE -> {
                double[] send = new double[size / Double.BYTES];
                Arrays.fill(send, 1.0);
                double[] recv = new double[send.length];
                Op op = options.op();
                yield () -> comm.allreduce(send, recv, op);
            }
            case ALLTOALL -> {
                byte[] send = new byte[size * ranks];
                byte[] recv = new byte[size * ranks];
                yield () -> comm.alltoall(send, recv);
            }
            case ALLGATHER -> {
                byte[] send = new byte[size];
                byte[] recv = new byte[size * ranks];
                yield () -> comm.allgather(send, recv);
            }
            case BARRIER -> comm::barrier;
        };
    }

    /** @param means each rank's mean with barriers between calls and its time per call back to back */
    private static CollectiveBenchRow row(int size, int iterations, List<double[]> means) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double backToBack = 0;
        for (double[] m : means) {
            sum += m[0];
            min = Math.min(min, m[0]);
            max = Math.max(max, m[0]);
            backToBack += m[1];
        }
        return new CollectiveBenchRow(size, iterations, sum / means.size(), min, max, backToBack / means.size());
    }
}
