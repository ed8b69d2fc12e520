package dev.ranks.examples;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;

/**
 * π as the integral of 4/(1+x²) from 0 to 1, by the midpoint rule over the ranks: mpi4py's {@code cpi.py}
 * demo. Rank 0 broadcasts the number of intervals, each rank sums every size-th interval from its own
 * rank on, and an allreduce adds the ranks' parts.
 *
 * <p>A plain {@code main}: the launcher starts it once per rank, and {@link Intracomm#world()} hands each
 * rank its communicator, as MPJ Express programs call {@code MPI.Init(args)} and use
 * {@code MPI.COMM_WORLD}.
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.Pi
 * pi is approximately 3.1415926535899033, error is 0.0000000000001101
 * </pre>
 */
public final class Pi {
    private static final long DEFAULT_INTERVALS = 1_000_000;

    private Pi() {
    }

    /**
     * Runs one rank.
     *
     * @param args optionally the number of intervals (default 1,000,000); rank 0's value counts
     */
    public static void main(String[] args) {
        Intracomm world = Intracomm.world();
        long intervals = world.bcast(world.rank() == 0 ? intervals(args) : 0L, 0);

        double h = 1.0 / intervals;
        double sum = 0;
        for (long i = world.rank(); i < intervals; i += world.size()) {
            double x = h * (i + 0.5);
            sum += 4.0 / (1.0 + x * x);
        }
        double pi = world.allreduce(h * sum, Op.SUM);

        if (world.rank() == 0) {
            System.out.printf("pi is approximately %.16f, error is %.16f%n", pi, Math.abs(pi - Math.PI));
        }
    }

    private static long intervals(String[] args) {
        if (args.length == 0) {
            return DEFAULT_INTERVALS;
        }
        String bad = "Pi: intervals '" + args[0] + "' is invalid: expected a positive integer";
        long n;
        try {
            n = Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad, e);
        }
        if (n <= 0) {
            throw new IllegalArgumentException(bad);
        }
        return n;
    }
}
