package dev.ranks.workloads.gpu;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.BufferMemory;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.ReduceOp;
import dev.ranks.gpu.Reference;
import dev.ranks.gpu.Selection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * The launcher's GPU kernels as rank jobs. Rank 0 makes the input from a seed, scatters a share to
 * every rank (itself included), each rank runs its share on its device, and rank 0 gathers, checks
 * and times the Java reference. Every method returns the report on rank 0 and null elsewhere.
 */
public final class GpuBatch {
    /** Scaled error allowed for float kernels that sum many products (matmul, reduce). */
    static final double SUM_TOLERANCE = 1e-4;
    /** Scaled error allowed for element-wise float kernels: a few ulps of the device's math library. */
    static final double ELEMENT_TOLERANCE = 1e-5;
    /** Multiply-adds the Java times of a matmul cover at most; beyond, they run on the first rows and scale up. */
    static final long JAVA_MATMUL_WORK = 1L << 30;

    private GpuBatch() {
    }

    /**
     * The shared settings of a run.
     *
     * @param selection the backend and the devices ranks use
     * @param size elements of each vector, or the edge of the square matrices
     * @param repeat kernel runs per rank, the best of which is reported
     * @param seed the seed of the random input
     * @param memory where the ranks' device buffers live
     * @param print whether the report hands back rank 0's whole inputs and result ({@link GpuReport#arrays()}), to be
     *     printed; off, the report holds none of them
     * @param step called after each timed run, outside its timing, as a progress bar counts them: {@link #steps}
     *     in all, from the ranks' threads
     */
    public record Spec(Selection selection, int size, int repeat, long seed, BufferMemory memory, boolean print,
            Runnable step) {
        /**
         * Checks the settings.
         *
         * @param selection the backend and devices
         * @param size the problem size, 0 or more
         * @param repeat runs per rank, 1 or more
         * @param seed the input's seed
         * @param memory the buffers' memory
         * @param print whether the report hands back the arrays
         * @param step called after each timed run
         */
        public Spec {
            if (size < 0) {
                throw new RanksException(ErrorClass.ARG, "--size " + size + ": expected 0 or more");
            }
            if (repeat < 1) {
                throw new RanksException(ErrorClass.ARG, "--repeat " + repeat + ": expected 1 or more");
            }
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(step, "step");
        }

        /**
         * Settings that count no steps.
         *
         * @param selection the backend and devices
         * @param size the problem size, 0 or more
         * @param repeat runs per rank, 1 or more
         * @param seed the input's seed
         * @param memory the buffers' memory
         * @param print whether the report hands back the arrays
         */
        public Spec(Selection selection, int size, int repeat, long seed, BufferMemory memory, boolean print) {
            this(selection, size, repeat, seed, memory, print, () -> { });
        }

        /**
         * These settings, counting steps with {@code step}.
         *
         * @param step called after each timed run
         * @return the settings
         */
        public Spec withStep(Runnable step) {
            return new Spec(selection, size, repeat, seed, memory, print, step);
        }

        /**
         * The timed runs of a job on {@code ranks} ranks, which {@link #step} counts: each rank's kernel runs, then
         * rank 0's Java loop and parallel-stream runs.
         *
         * @param ranks the job's ranks
         * @return {@code repeat × (ranks + 2)}
         */
        public long steps(int ranks) {
            return (long) repeat * (ranks + 2);
        }

        /**
         * Settings whose report holds no arrays.
         *
         * @param selection the backend and devices
         * @param size the problem size, 0 or more
         * @param repeat runs per rank, 1 or more
         * @param seed the input's seed
         * @param memory the buffers' memory
         */
        public Spec(Selection selection, int size, int repeat, long seed, BufferMemory memory) {
            this(selection, size, repeat, seed, memory, false);
        }

        /**
         * Settings with the buffers in device memory ({@link BufferMemory#DEVICE}), the default.
         *
         * @param selection the backend and devices
         * @param size the problem size, 0 or more
         * @param repeat runs per rank, 1 or more
         * @param seed the input's seed
         */
        public Spec(Selection selection, int size, int repeat, long seed) {
            this(selection, size, repeat, seed, BufferMemory.DEVICE);
        }
    }

    /**
     * The memory a run holds at its peak, counted from the arrays and buffers the methods below
     * allocate, so that a size too large is refused before anything is allocated rather than ending
     * in an {@link OutOfMemoryError} seconds later.
     *
     * @param heapBytes bytes of Java arrays, all ranks of a job in one JVM together (the local device):
     *     rank 0's whole inputs, result and Java reference, every rank's share, and the device buffers
     *     too where they are Java arrays
     * @param deviceBytes bytes of buffers on one rank's device, the largest share's
     */
    public record Footprint(long heapBytes, long deviceBytes) {
        /**
         * An element-wise kernel ({@link #vecAdd}, {@link #elementwise}).
         *
         * @param size elements per vector
         * @param inputs input vectors
         * @param ranks ranks in the JVM
         * @param heapBuffers whether the backend's device buffers are Java arrays (java, aparapi)
         * @return the footprint
         */
        public static Footprint vectors(int size, int inputs, int ranks, boolean heapBuffers) {
            long n = size;
            long chunk = counts(size, ranks)[0];
            // Rank 0: the whole inputs, the gathered output, the reference's output and the Java
            // backend's copies of inputs and output; every rank: its share of inputs and output.
            long heap = (inputs + 3L + inputs + 1) * n + (inputs + 1L) * n;
            long device = (inputs + 1L) * chunk;
            return floats(heapBuffers ? heap + device * ranks : heap, device);
        }

        /**
         * {@link #matmul}.
         *
         * @param size the matrices' edge
         * @param ranks ranks in the JVM
         * @param heapBuffers whether the backend's device buffers are Java arrays (java, aparapi)
         * @return the footprint
         */
        public static Footprint matmul(int size, int ranks, boolean heapBuffers) {
            long nn = (long) size * size;
            long rows = counts(size, ranks)[0];
            long device = 2 * rows * size + nn;
            // Rank 0: A, C, the Java backend's copy of B and the reference's rows (four arrays of
            // them); every rank: B and its rows of A and C.
            long shared = 3 * nn + 4L * javaRows(size) * size + ranks * nn + 2 * nn;
            return floats(heapBuffers ? shared + device * ranks : shared, device);
        }

        /**
         * {@link #reduce}.
         *
         * @param size elements
         * @param ranks ranks in the JVM
         * @param heapBuffers whether the backend's device buffers are Java arrays (java, aparapi)
         * @return the footprint
         */
        public static Footprint reduce(int size, int ranks, boolean heapBuffers) {
            long chunk = counts(size, ranks)[0];
            // Rank 0: the input and the Java backend's copy of it; every rank: its share.
            long heap = 3L * size;
            return floats(heapBuffers ? heap + chunk * ranks : heap, chunk);
        }

        private static Footprint floats(long heapFloats, long deviceFloats) {
            return new Footprint(heapFloats * Float.BYTES, deviceFloats * Float.BYTES);
        }
    }

    /**
     * Vector add over chunks.
     *
     * @param comm the ranks
     * @param spec the settings
     * @return the report on rank 0, null on the others
     */
    public static GpuReport vecAdd(Intracomm comm, Spec spec) {
        Elementwise add = Elementwise.parse("c = a + b", ElementType.FLOAT);
        return vectors(comm, spec, "vecadd", add, (d, out, in) -> d.vecAdd(in[0], in[1], out),
                (in, out) -> Reference.vecAdd(in[0], in[1], out), 1, 3 * Float.BYTES, 0);
    }

    /**
     * An element-wise float kernel over chunks.
     *
     * @param comm the ranks
     * @param spec the settings
     * @param kernel the expression, over floats
     * @return the report on rank 0, null on the others
     */
    public static GpuReport elementwise(Intracomm comm, Spec spec, Elementwise kernel) {
        if (kernel.type() != ElementType.FLOAT) {
            throw new RanksException(ErrorClass.ARG, "elementwise over " + kernel.type().javaName() + ": expected float");
        }
        return vectors(comm, spec, "elementwise \"" + kernel.source() + "\"", kernel,
                (d, out, in) -> d.elementwise(kernel, out, in), (in, out) -> kernel.evaluate(out, in, 0, out.length),
                0, (kernel.inputs().size() + 1) * Float.BYTES, ELEMENT_TOLERANCE);
    }

    /**
     * Square matrix multiply C = A B over row blocks of A and C; every rank has all of B.
     *
     * @param comm the ranks
     * @param spec the settings; size is the matrices' edge
     * @param variant the kernel
     * @return the report on rank 0, null on the others
     */
    public static GpuReport matmul(Intracomm comm, Spec spec, MatmulVariant variant) {
        int n = spec.size();
        int[] rows = counts(n, comm.size());
        int[] counts = Arrays.stream(rows).map(r -> r * n).toArray();
        int[] displs = displacements(counts);
        float[] a = null;
        float[] b = new float[n * n];
        if (comm.rank() == 0) {
            a = random(n * n, spec.seed());
            b = random(n * n, spec.seed() + 1);
        }
        comm.bcast(b, 0);
        float[] myA = new float[counts[comm.rank()]];
        comm.scatterv(a, counts, displs, myA, 0);
        float[] myC = new float[myA.length];
        int myRows = rows[comm.rank()];
        float[] bb = b;
        BufferMemory memory = spec.memory();
        double[] timing = onDevice(comm, spec, d -> {
            try (DeviceBuffer da = d.allocate(ElementType.FLOAT, myA.length, memory);
                    DeviceBuffer db = d.allocate(ElementType.FLOAT, bb.length, memory);
                    DeviceBuffer dc = d.allocate(ElementType.FLOAT, myC.length, memory)) {
                return timed(d, spec.repeat(), () -> {
                    da.copyIn(myA);
                    db.copyIn(bb);
                }, () -> d.matmul(da, db, dc, myRows, n, n, variant), () -> dc.copyOut(myC), spec.step());
            }
        });
        float[] c = comm.rank() == 0 ? new float[n * n] : null;
        comm.gatherv(myC, c, counts, displs, 0);
        double[] timings = gatherTimings(comm, timing);
        if (comm.rank() != 0) {
            return null;
        }
        // The Java times and the check cover the first rows when the whole would take minutes.
        int javaRows = javaRows(n);
        float[] aRows = Arrays.copyOf(a, javaRows * n);
        float[][] result = new float[1][];
        double loop = best(spec.repeat(), () -> result[0] = Reference.matmul(aRows, bb, javaRows, n, n), spec.step());
        float[] expected = result[0];
        double parallel = javaParallel(d -> {
            try (DeviceBuffer da = d.allocate(ElementType.FLOAT, aRows.length); DeviceBuffer db = d.allocate(ElementType.FLOAT, bb.length);
                    DeviceBuffer dc = d.allocate(ElementType.FLOAT, expected.length)) {
                da.copyIn(aRows);
                db.copyIn(bb);
                return best(spec.repeat(), () -> d.matmul(da, db, dc, javaRows, n, n, variant), spec.step());
            }
        });
        double scale = javaRows == 0 ? 1 : (double) n / javaRows;
        String note = javaRows == n ? "" : "timed on the first " + javaRows + " of " + n + " rows and scaled up;"
                + " the check covers those rows";
        double error = Reference.error(expected, Arrays.copyOf(c, expected.length));
        List<String> shares = new ArrayList<>();
        for (int r = 0, from = 0; r < comm.size(); from += rows[r], r++) {
            shares.add(rows[r] == 0 ? "no rows" : "rows " + from + "-" + (from + rows[r] - 1));
        }
        return new GpuReport(String.format("gpu matmul %dx%d float, %s kernel, %d rank%s on %s, best of %d", n, n,
                variant.name().toLowerCase(Locale.ROOT), comm.size(), comm.size() == 1 ? "" : "s",
                on(spec), spec.repeat()), rankTimings(spec, timings, shares), error, SUM_TOLERANCE,
                loop * scale, parallel * scale, note, 2.0 * n * n * n, 0, spec.print() ? List.of(
                        GpuArray.matrix("A", a, n, n), GpuArray.matrix("B", bb, n, n), GpuArray.matrix("C", c, n, n))
                        : List.of());
    }

    private static int javaRows(int n) {
        return (int) Math.max(Math.min(n, 1), Math.min(n, JAVA_MATMUL_WORK / Math.max(1L, (long) n * n)));
    }

    /**
     * A two-stage reduction per rank's chunk, combined across ranks at rank 0.
     *
     * @param comm the ranks
     * @param spec the settings
     * @param op sum or max
     * @return the report on rank 0, null on the others
     */
    public static GpuReport reduce(Intracomm comm, Spec spec, ReduceOp op) {
        int n = spec.size();
        if (op == ReduceOp.MAX && n == 0) {
            throw new RanksException(ErrorClass.ARG, "reduce max of --size 0: expected 1 or more elements");
        }
        int[] counts = counts(n, comm.size());
        int[] displs = displacements(counts);
        float[] x = comm.rank() == 0 ? random(n, spec.seed()) : null;
        float[] mine = new float[counts[comm.rank()]];
        comm.scatterv(x, counts, displs, mine, 0);
        double[] partial = {op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY};
        double[] timing = onDevice(comm, spec, d -> {
            try (DeviceBuffer dx = d.allocate(ElementType.FLOAT, mine.length, spec.memory())) {
                return timed(d, spec.repeat(), () -> dx.copyIn(mine), () -> {
                    if (mine.length > 0) {
                        partial[0] = d.reduce(dx, op);
                    }
                }, () -> { }, spec.step());
            }
        });
        double[] partials = comm.rank() == 0 ? new double[comm.size()] : null;
        comm.gather(partial, partials, 0);
        double[] timings = gatherTimings(comm, timing);
        if (comm.rank() != 0) {
            return null;
        }
        double got = op == ReduceOp.SUM ? Arrays.stream(partials).sum() : Arrays.stream(partials).max().orElseThrow();
        double[] result = new double[1];
        double loop = best(spec.repeat(), () -> result[0] = op == ReduceOp.SUM ? Reference.sum(x) : Reference.max(x),
                spec.step());
        double expected = result[0];
        double parallel = javaParallel(d -> {
            try (DeviceBuffer dx = d.allocate(ElementType.FLOAT, n)) {
                dx.copyIn(x);
                return best(spec.repeat(), () -> d.reduce(dx, op), spec.step());
            }
        });
        // Sums compare relative to the sum of magnitudes: cancellation makes the sum itself a poor scale.
        double magnitude = 0;
        for (float v : x) {
            magnitude += Math.abs(v);
        }
        double scale = op == ReduceOp.SUM ? Math.max(1, magnitude) : 1;
        double error = Math.abs(expected - got) / scale;
        return new GpuReport(String.format("gpu reduce %s of %d floats, two stages per rank, %d rank%s on %s, best of %d"
                        + ": %.6g (java %.6g)", op.name().toLowerCase(Locale.ROOT), n, comm.size(),
                comm.size() == 1 ? "" : "s", on(spec), spec.repeat(), got, expected),
                rankTimings(spec, timings, chunkShares(counts)), error, SUM_TOLERANCE, loop, parallel, "", n,
                (double) n * Float.BYTES, spec.print() ? List.of(GpuArray.vector("x", x),
                        GpuArray.scalar(op.name().toLowerCase(Locale.ROOT), (float) got)) : List.of());
    }

    /** A vector kernel on the device: inputs and the output are buffers of one chunk. */
    private interface VectorKernel {
        void run(Device device, DeviceBuffer out, DeviceBuffer[] inputs);
    }

    /** A vector kernel's Java reference on whole host arrays, into an output array allocated outside the timing. */
    private interface VectorReference {
        void run(float[][] inputs, float[] out);
    }

    /** Work on an opened device that returns {transfer ms, kernel ms}. */
    private interface DeviceWork {
        double[] run(Device device);
    }

    /** Work on the Java backend's device that returns a kernel time in ms. */
    private interface JavaWork {
        double run(Device device);
    }

    private static GpuReport vectors(Intracomm comm, Spec spec, String name, Elementwise shape, VectorKernel kernel,
            VectorReference reference, double flopPerElement, double bytesPerElement, double tolerance) {
        int n = spec.size();
        int inputs = shape.inputs().size();
        int[] counts = counts(n, comm.size());
        int[] displs = displacements(counts);
        float[][] whole = new float[inputs][];
        float[][] mine = new float[inputs][];
        for (int i = 0; i < inputs; i++) {
            whole[i] = comm.rank() == 0 ? random(n, spec.seed() + i) : null;
            mine[i] = new float[counts[comm.rank()]];
            comm.scatterv(whole[i], counts, displs, mine[i], 0);
        }
        float[] myOut = new float[counts[comm.rank()]];
        double[] timing = onDevice(comm, spec, d -> run(d, spec.memory(), spec.repeat(), kernel, mine, myOut,
                spec.step()));
        float[] out = comm.rank() == 0 ? new float[n] : null;
        comm.gatherv(myOut, out, counts, displs, 0);
        double[] timings = gatherTimings(comm, timing);
        if (comm.rank() != 0) {
            return null;
        }
        float[] expected = new float[n];
        double loop = best(spec.repeat(), () -> reference.run(whole, expected), spec.step());
        double parallel = javaParallel(d -> run(d, BufferMemory.DEVICE, spec.repeat(), kernel, whole, new float[n],
                spec.step())[1]);
        return new GpuReport(String.format("gpu %s over %d floats, %d rank%s on %s, best of %d", name, n, comm.size(),
                comm.size() == 1 ? "" : "s", on(spec), spec.repeat()),
                rankTimings(spec, timings, chunkShares(counts)), Reference.error(expected, out), tolerance, loop, parallel,
                "", flopPerElement * n, bytesPerElement * n, spec.print() ? arrays(shape, whole, out) : List.of());
    }

    private static List<GpuArray> arrays(Elementwise shape, float[][] inputs, float[] out) {
        List<GpuArray> arrays = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            arrays.add(GpuArray.vector(shape.inputs().get(i), inputs[i]));
        }
        arrays.add(GpuArray.vector(shape.output(), out));
        return arrays;
    }

    private static double[] run(Device d, BufferMemory memory, int repeat, VectorKernel kernel, float[][] inputs,
            float[] out, Runnable step) {
        DeviceBuffer[] in = new DeviceBuffer[inputs.length];
        try (DeviceBuffer o = d.allocate(ElementType.FLOAT, out.length, memory)) {
            for (int i = 0; i < inputs.length; i++) {
                in[i] = d.allocate(ElementType.FLOAT, inputs[i].length, memory);
            }
            return timed(d, repeat, () -> {
                for (int i = 0; i < inputs.length; i++) {
                    in[i].copyIn(inputs[i]);
                }
            }, () -> kernel.run(d, o, in), () -> o.copyOut(out), step);
        } finally {
            for (DeviceBuffer b : in) {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    // Copies in, runs the kernel `repeat` times and copies out: {all transfers, best kernel} in ms.
    private static double[] timed(Device d, int repeat, Runnable copyIn, Runnable kernel, Runnable copyOut,
            Runnable step) {
        long transfers = d.transferNanos();
        copyIn.run();
        double best = best(d, repeat, kernel, step);
        copyOut.run();
        return new double[] {millis(d.transferNanos() - transfers), best};
    }

    private static double best(int repeat, Runnable kernel, Runnable step) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            kernel.run();
            best = Math.min(best, millis(System.nanoTime() - start));
            step.run();
        }
        return best;
    }

    // Kernel time less any transfers the backend made inside the call (Aparapi's puts and gets).
    private static double best(Device d, int repeat, Runnable kernel, Runnable step) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeat; i++) {
            long transfers = d.transferNanos();
            long start = System.nanoTime();
            kernel.run();
            best = Math.min(best, millis(System.nanoTime() - start - (d.transferNanos() - transfers)));
            step.run();
        }
        return best;
    }

    private static double[] onDevice(Intracomm comm, Spec spec, DeviceWork work) {
        try (Device d = spec.selection().open(comm.rank())) {
            return work.run(d);
        }
    }

    private static double javaParallel(JavaWork work) {
        try (Device d = Backends.named("java").open(0)) {
            return work.run(d);
        }
    }

    // The backend, and the buffers' memory unless it is the default.
    private static String on(Spec spec) {
        String backend = spec.selection().backend().name();
        return switch (spec.memory()) {
            case AUTO -> backend + " (memory auto)";
            case DEVICE -> backend;
            case HOST -> backend + " (zero-copy host buffers)";
        };
    }

    private static double[] gatherTimings(Intracomm comm, double[] timing) {
        double[] all = comm.rank() == 0 ? new double[2 * comm.size()] : null;
        comm.gather(timing, all, 0);
        return all;
    }

    private static List<RankTiming> rankTimings(Spec spec, double[] timings, List<String> shares) {
        List<RankTiming> list = new ArrayList<>();
        for (int r = 0; r < shares.size(); r++) {
            list.add(new RankTiming(r, spec.selection().deviceFor(r), shares.get(r), timings[2 * r], timings[2 * r + 1]));
        }
        return list;
    }

    private static List<String> chunkShares(int[] counts) {
        List<String> shares = new ArrayList<>();
        for (int r = 0, from = 0; r < counts.length; from += counts[r], r++) {
            shares.add(counts[r] == 0 ? "none" : from + "-" + (from + counts[r] - 1));
        }
        return shares;
    }

    /**
     * Splits n items over p parts as evenly as possible, the first n mod p parts one larger.
     *
     * @param n items
     * @param p parts
     * @return each part's count
     */
    static int[] counts(int n, int p) {
        int[] counts = new int[p];
        for (int r = 0; r < p; r++) {
            counts[r] = n / p + (r < n % p ? 1 : 0);
        }
        return counts;
    }

    private static int[] displacements(int[] counts) {
        int[] displs = new int[counts.length];
        for (int r = 1; r < counts.length; r++) {
            displs[r] = displs[r - 1] + counts[r - 1];
        }
        return displs;
    }

    private static float[] random(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
