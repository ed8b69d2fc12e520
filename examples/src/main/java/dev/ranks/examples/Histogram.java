package dev.ranks.examples;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import dev.ranks.collectives.RankProgram;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.KernelSource;
import java.util.Locale;
import java.util.Random;

/**
 * A histogram over ranks with a kernel of your own: each rank makes its block of values, histograms them
 * on an OpenCL device with {@code histogram.cl} (per-work-group sub-histograms in {@code __local} memory,
 * merged with atomics), the counts are summed over the ranks with {@code allreduce}, and rank 0 checks
 * them against the same histogram computed in plain Java from every rank's block.
 *
 * <pre>
 * bin/launcher -n 2 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.Histogram [SIZE [BINS]]
 * </pre>
 *
 * SIZE is the number of values per rank (default 1048576), BINS the number of equal bins over [0, 1)
 * (default 256). The values are the mean of two uniform floats, so the histogram is a triangle peaking
 * in the middle bin; each rank's block is fixed by its rank, which is what lets rank 0 recompute them all.
 */
public final class Histogram implements RankProgram {
    private static final int DEFAULT_SIZE = 1 << 20;
    private static final int DEFAULT_BINS = 256;
    /** The work-group size, cut to what the kernel allows on the device. */
    private static final long LOCAL = 256;
    /** Work groups per launch; each work item strides over the values, so any number covers any size. */
    private static final long GROUPS = 64;

    /** Creates the program; {@code launcher run} makes one per rank. */
    public Histogram() {
    }

    @Override
    public void run(Intracomm world, String[] args) throws Exception {
        int size = args.length > 0 ? positive(args[0], "SIZE (values per rank)") : DEFAULT_SIZE;
        int bins = args.length > 1 ? positive(args[1], "BINS") : DEFAULT_BINS;
        int[] counts;
        String device;
        try (Device d = Backends.select("opencl").open(world.rank())) {
            counts = histogram(d, values(world.rank(), size), bins);
            device = d.info().backend() + ":" + d.info().index() + " (" + d.info().name() + ")";
        }
        world.allreduce(counts, Op.SUM);
        if (world.rank() == 0) {
            int[] expected = new int[bins];
            for (int rank = 0; rank < world.size(); rank++) {
                count(values(rank, size), expected);
            }
            String what = String.format(Locale.ROOT, "histogram of %d values in %d bins on %s, %d rank%s",
                    (long) size * world.size(), bins, device, world.size(), world.size() == 1 ? "" : "s");
            for (int b = 0; b < bins; b++) {
                if (counts[b] != expected[b]) {
                    throw new IllegalStateException(what + ": bin " + b + " counts " + counts[b] + " on the device and "
                            + expected[b] + " in Java");
                }
            }
            int fullest = 0;
            for (int b = 1; b < bins; b++) {
                fullest = counts[b] > counts[fullest] ? b : fullest;
            }
            System.out.println(what + ": matches Java");
            System.out.printf(Locale.ROOT, "fullest bin %d, [%.4f, %.4f): %d values%n", fullest, fullest / (double) bins,
                    (fullest + 1) / (double) bins, counts[fullest]);
        }
    }

    /**
     * Histograms values on a device with the kernel of {@code histogram.cl}.
     *
     * @param d an OpenCL device
     * @param values floats in [0, 1)
     * @param bins the number of bins
     * @return the count of each bin
     */
    static int[] histogram(Device d, float[] values, int bins) {
        int[] counts = new int[bins];
        try (KernelProgram program = d.buildProgram(KernelSource.resource(Histogram.class, "histogram.cl"), "");
                Kernel kernel = program.kernel("histogram");
                DeviceBuffer in = d.allocate(ElementType.FLOAT, values.length);
                DeviceBuffer out = d.allocate(ElementType.INT, bins)) {
            in.copyIn(values);
            out.copyIn(counts);
            long local = Math.min(LOCAL, kernel.maxWorkGroupSize());
            long groups = Math.min(GROUPS, (values.length + local - 1) / local);
            kernel.arg(0, in).arg(1, values.length).arg(2, bins).arg(3, out).localArg(4, (long) bins * Integer.BYTES)
                    .launch(groups * local, local);
            out.copyOut(counts);
        }
        return counts;
    }

    /**
     * A rank's block: the means of two uniform floats, from a generator seeded by the rank.
     *
     * @param rank the rank whose block it is
     * @param size the number of values
     * @return the values, in [0, 1)
     */
    static float[] values(int rank, int size) {
        Random random = new Random(0x5EEDL + rank);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (random.nextFloat() + random.nextFloat()) / 2;
        }
        return values;
    }

    /**
     * Adds values to a histogram in plain Java: bin = (int) (value * bins), clamped to the last bin, as the
     * kernel does.
     *
     * @param values floats in [0, 1)
     * @param counts the histogram, one count per bin, added to
     */
    static void count(float[] values, int[] counts) {
        int bins = counts.length;
        for (float v : values) {
            counts[Math.min(Math.max((int) (v * bins), 0), bins - 1)]++;
        }
    }

    private static int positive(String arg, String what) {
        try {
            int n = Integer.parseInt(arg);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with what was expected
        }
        throw new IllegalArgumentException(what + " '" + arg + "': expected a whole number of 1 or more");
    }
}
