package dev.ranks.examples;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.Comm;
import dev.ranks.topology.CartComm;
import dev.ranks.topology.Dims;
import dev.ranks.topology.ShiftResult;
import java.util.Locale;

/**
 * Heat spreading through a plate: the steady state of a 2-D grid whose top edge is held at 100 degrees
 * and whose other edges at 0, by Jacobi iteration (each point becomes the mean of its four neighbours)
 * until no point changes by the tolerance or more.
 *
 * <p>The ranks form a Cartesian grid of {@link Dims#create(int, int)}'s shape ({@link CartComm}), and each
 * owns a block of the plate with a one-point halo round it. Every iteration exchanges the halos with the
 * four neighbours that {@link CartComm#shift(int, int)} names ({@code sendrecv}; past the plate's edge
 * the neighbour is {@link Comm#PROC_NULL}, and the halo keeps the edge's temperature), updates the block,
 * and agrees on the largest change with an {@code allreduce(MAX)}. Rank 0 then gathers the blocks
 * ({@code gatherv}) and prints the mean temperature and a checksum of every point's bits.
 *
 * <p>Each point's new value is computed from the same four values in the same order whatever the
 * blocks, so the plate equals {@link #solveSerial(Problem)}'s bit for bit at any number of ranks; the
 * checksum shows it ({@code --serial} prints the serial solver's).
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.Heat2D
 * Heat2D: 100 x 100 plate on 2 x 2 ranks
 * converged after 6153 iterations: largest change 9.999470e-04 &lt; tolerance 0.001
 * mean temperature 24.1466761536, checksum 555b3fbdaab76014
 * </pre>
 *
 * <p>Arguments: {@code --rows R --cols C} (the plate's points, default 100 x 100), {@code --iterations N}
 * (at most, default 20000), {@code --tolerance T} (default 1e-3), {@code --serial} (rank 0 solves the
 * whole plate alone, without messages).
 */
public final class Heat2D implements RankProgram {
    /** The temperature of the plate's top edge; the other edges are at 0. */
    public static final double HOT = 100.0;

    private static final int DOWN = 0;
    private static final int UP = 1;
    private static final int RIGHT = 2;
    private static final int LEFT = 3;

    /** Makes the program; the launcher calls this once per rank. */
    public Heat2D() {
    }

    /**
     * What to solve.
     *
     * @param rows the plate's points from top to bottom, without its edges
     * @param cols the plate's points from left to right, without its edges
     * @param maxIterations the most iterations to run
     * @param tolerance the largest change per iteration that counts as converged, exclusive
     */
    public record Problem(int rows, int cols, int maxIterations, double tolerance) {
        /** The defaults: 100 x 100 points, at most 20000 iterations, tolerance 1e-3. */
        public static final Problem DEFAULT = new Problem(100, 100, 20_000, 1e-3);

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException naming a value that is not positive
         */
        public Problem {
            positive("--rows", rows);
            positive("--cols", cols);
            positive("--iterations", maxIterations);
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("Heat2D: --tolerance " + tolerance + " is invalid: expected a positive number");
            }
        }

        private static void positive(String option, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("Heat2D: " + option + " " + value + " is invalid: expected a positive integer");
            }
        }
    }

    /**
     * A solved plate.
     *
     * @param problem what was solved
     * @param plate the temperatures, {@code rows x cols} in row-major order, the edges left out
     * @param iterations how many iterations ran
     * @param largestChange the largest change of any point in the last iteration
     */
    public record Solution(Problem problem, double[] plate, int iterations, double largestChange) {
        /**
         * A checksum of every temperature's bits in row-major order (64-bit FNV-1a over the
         * {@code long}s): equal only for plates equal bit for bit.
         *
         * @return the checksum
         */
        public long checksum() {
            long hash = 0xcbf29ce484222325L;
            for (double t : plate) {
                hash = (hash ^ Double.doubleToLongBits(t)) * 0x100000001b3L;
            }
            return hash;
        }

        /**
         * The mean temperature, summed in row-major order.
         *
         * @return the mean over every point
         */
        public double mean() {
            double sum = 0;
            for (double t : plate) {
                sum += t;
            }
            return sum / plate.length;
        }

        /**
         * What rank 0 prints after the solve, the same for the serial and the parallel solver.
         *
         * @return two lines: how the iteration ended, and the mean and checksum
         */
        public String report() {
            String end = largestChange < problem.tolerance()
                    ? String.format(Locale.ROOT, "converged after %d iterations: largest change %.6e < tolerance %s",
                            iterations, largestChange, problem.tolerance())
                    : String.format(Locale.ROOT, "stopped after %d iterations: largest change %.6e >= tolerance %s",
                            iterations, largestChange, problem.tolerance());
            return end + String.format(Locale.ROOT, "%nmean temperature %.10f, checksum %016x%n", mean(), checksum());
        }
    }

    /**
     * Runs one rank.
     *
     * @param world the ranks of the job
     * @param args {@code --rows R --cols C --iterations N --tolerance T --serial}, each optional
     */
    @Override
    public void run(Intracomm world, String[] args) {
        boolean serial = false;
        Problem d = Problem.DEFAULT;
        int rows = d.rows();
        int cols = d.cols();
        int iterations = d.maxIterations();
        double tolerance = d.tolerance();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--serial" -> serial = true;
                case "--rows" -> rows = integer(args, ++i);
                case "--cols" -> cols = integer(args, ++i);
                case "--iterations" -> iterations = integer(args, ++i);
                case "--tolerance" -> tolerance = number(args, ++i);
                default -> throw new IllegalArgumentException("Heat2D: unknown argument '" + args[i]
                        + "': expected --rows, --cols, --iterations, --tolerance or --serial");
            }
        }
        Problem problem = new Problem(rows, cols, iterations, tolerance);

        if (serial) {
            if (world.rank() == 0) {
                System.out.printf("Heat2D: %d x %d plate, serial%n", rows, cols);
                System.out.print(solveSerial(problem).report());
            }
            return;
        }
        int[] dims = Dims.create(world.size(), 2);
        if (world.rank() == 0) {
            System.out.printf("Heat2D: %d x %d plate on %d x %d ranks%n", rows, cols, dims[0], dims[1]);
        }
        Solution solution = solve(world, problem);
        if (world.rank() == 0) {
            System.out.print(solution.report());
        }
    }

    /**
     * Solves the plate on the ranks of a communicator, each owning one block of a grid of
     * {@code Dims.create(size, 2)} blocks. Collective.
     *
     * @param world the ranks to solve on
     * @param problem what to solve, the same on every rank
     * @return at rank 0 the whole plate; {@code null} at the other ranks
     * @throws IllegalArgumentException on every rank when the plate has fewer rows or columns than the
     *     grid of ranks
     */
    public static Solution solve(Intracomm world, Problem problem) {
        int[] dims = Dims.create(world.size(), 2);
        if (problem.rows() < dims[0] || problem.cols() < dims[1]) {
            throw new IllegalArgumentException("Heat2D: a " + problem.rows() + " x " + problem.cols()
                    + " plate cannot be split over " + dims[0] + " x " + dims[1] + " ranks: expected at least one point per rank");
        }
        CartComm grid = CartComm.create(world, dims, new boolean[] {false, false}, false);
        int[] at = grid.coords();
        int rows = extent(problem.rows(), dims[0], at[0]);
        int cols = extent(problem.cols(), dims[1], at[1]);
        int width = cols + 2;
        // Both arrays hold the plate's edges in their halos: the exchange never writes a halo that faces
        // the edge, and the update never writes a halo at all.
        double[] u = new double[(rows + 2) * width];
        double[] next = new double[u.length];
        if (at[0] == 0) {
            for (int j = 1; j <= cols; j++) {
                u[j] = HOT;
                next[j] = HOT;
            }
        }
        ShiftResult vertical = grid.shift(0, 1);
        ShiftResult horizontal = grid.shift(1, 1);
        double[] columnOut = new double[rows];
        double[] columnIn = new double[rows];

        int iterations = 0;
        double[] largest = {Double.POSITIVE_INFINITY};
        while (iterations < problem.maxIterations() && !(largest[0] < problem.tolerance())) {
            // Rows are contiguous: the last row goes down while the halo above arrives, then the first goes up.
            grid.sendrecv(u, rows * width + 1, cols, vertical.dest(), DOWN,
                    u, 1, cols, vertical.source(), DOWN);
            grid.sendrecv(u, width + 1, cols, vertical.source(), UP,
                    u, (rows + 1) * width + 1, cols, vertical.dest(), UP);
            // Columns are strided: packed into a buffer, and unpacked only where a neighbour sent one.
            exchangeColumn(grid, u, rows, width, cols, horizontal.dest(), 0, horizontal.source(), columnOut, columnIn, RIGHT);
            exchangeColumn(grid, u, rows, width, 1, horizontal.source(), cols + 1, horizontal.dest(), columnOut, columnIn, LEFT);

            largest[0] = update(u, next, rows, cols, width);
            double[] swap = u;
            u = next;
            next = swap;
            grid.allreduce(largest, Op.MAX);
            iterations++;
        }

        double[] block = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(u, (i + 1) * width + 1, block, i * cols, cols);
        }
        return gather(grid, problem, block, iterations, largest[0]);
    }

    /**
     * Solves the plate in one thread, without messages: the reference the parallel solve must equal.
     *
     * @param problem what to solve
     * @return the plate
     */
    public static Solution solveSerial(Problem problem) {
        int rows = problem.rows();
        int cols = problem.cols();
        int width = cols + 2;
        double[] u = new double[(rows + 2) * width];
        double[] next = new double[u.length];
        for (int j = 1; j <= cols; j++) {
            u[j] = HOT;
            next[j] = HOT;
        }
        int iterations = 0;
        double largest = Double.POSITIVE_INFINITY;
        while (iterations < problem.maxIterations() && !(largest < problem.tolerance())) {
            largest = update(u, next, rows, cols, width);
            double[] swap = u;
            u = next;
            next = swap;
            iterations++;
        }
        double[] plate = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(u, (i + 1) * width + 1, plate, i * cols, cols);
        }
        return new Solution(problem, plate, iterations, largest);
    }

    /** One Jacobi sweep over a block's inside; returns the largest change. */
    private static double update(double[] u, double[] next, int rows, int cols, int width) {
        double largest = 0;
        for (int i = 1; i <= rows; i++) {
            for (int k = i * width + 1, end = k + cols; k < end; k++) {
                double t = 0.25 * (u[k - width] + u[k + width] + u[k - 1] + u[k + 1]);
                largest = Math.max(largest, Math.abs(t - u[k]));
                next[k] = t;
            }
        }
        return largest;
    }

    /** Sends column {@code sendColumn} to {@code dest} and receives column {@code recvColumn} from {@code source}. */
    private static void exchangeColumn(CartComm grid, double[] u, int rows, int width, int sendColumn, int dest,
            int recvColumn, int source, double[] out, double[] in, int tag) {
        for (int i = 0; i < rows; i++) {
            out[i] = u[(i + 1) * width + sendColumn];
        }
        grid.sendrecv(out, 0, rows, dest, tag, in, 0, rows, source, tag);
        if (source != Comm.PROC_NULL) {
            for (int i = 0; i < rows; i++) {
                u[(i + 1) * width + recvColumn] = in[i];
            }
        }
    }

    /** Gathers every rank's block to rank 0 and places it in the plate. */
    private static Solution gather(CartComm grid, Problem problem, double[] block, int iterations, double largest) {
        int[] dims = grid.dims();
        int size = grid.size();
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int r = 0, offset = 0; r < size; r++) {
            int[] at = grid.coords(r);
            counts[r] = extent(problem.rows(), dims[0], at[0]) * extent(problem.cols(), dims[1], at[1]);
            displs[r] = offset;
            offset += counts[r];
        }
        double[] blocks = grid.rank() == 0 ? new double[problem.rows() * problem.cols()] : null;
        grid.gatherv(block, blocks, counts, displs, 0);
        if (grid.rank() != 0) {
            return null;
        }
        double[] plate = new double[blocks.length];
        for (int r = 0; r < size; r++) {
            int[] at = grid.coords(r);
            int rows = extent(problem.rows(), dims[0], at[0]);
            int cols = extent(problem.cols(), dims[1], at[1]);
            int top = start(problem.rows(), dims[0], at[0]);
            int left = start(problem.cols(), dims[1], at[1]);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(blocks, displs[r] + i * cols, plate, (top + i) * problem.cols() + left, cols);
            }
        }
        return new Solution(problem, plate, iterations, largest);
    }

    /** The points of block {@code p} of {@code parts} over {@code n}: the first {@code n % parts} blocks get one more. */
    private static int extent(int n, int parts, int p) {
        return n / parts + (p < n % parts ? 1 : 0);
    }

    /** Where block {@code p} of {@code parts} over {@code n} starts. */
    private static int start(int n, int parts, int p) {
        return p * (n / parts) + Math.min(p, n % parts);
    }

    private static int integer(String[] args, int i) {
        String value = value(args, i);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Heat2D: " + args[i - 1] + " '" + value + "' is invalid: expected an integer", e);
        }
    }

    private static double number(String[] args, int i) {
        String value = value(args, i);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Heat2D: " + args[i - 1] + " '" + value + "' is invalid: expected a number", e);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Heat2D: " + args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
