package dev.ranks.workloads.gpu;

import dev.ranks.gpu.DeviceInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Rank 0's account of a GPU batch run: per-rank timings, the check against the Java reference, and
 * the Java loop and parallel-stream times of the same run.
 *
 * @param title what ran, such as {@code matmul 1024x1024 float, tiled}
 * @param ranks one timing per rank
 * @param error the largest scaled error against the reference ({@link dev.ranks.gpu.Reference#error})
 * @param tolerance the largest error that passes
 * @param javaLoopMillis the single-threaded Java reference's time
 * @param javaParallelMillis the Java backend's (parallel streams) kernel time
 * @param javaNote how the Java times were taken where not on the whole input, or empty
 * @param flop floating-point operations of the whole kernel, 0 where not meaningful
 * @param bytes bytes the whole kernel must read and write in device memory, 0 where caches make that
 *     meaningless (matmul)
 * @param arrays rank 0's whole inputs and result where the run was asked for them ({@link GpuBatch.Spec#print()}),
 *     empty otherwise
 */
public record GpuReport(String title, List<RankTiming> ranks, double error, double tolerance, double javaLoopMillis,
        double javaParallelMillis, String javaNote, double flop, double bytes, List<GpuArray> arrays) {
    /**
     * Whether the result passed the check.
     *
     * @return true when the error is within the tolerance
     */
    public boolean ok() {
        return error <= tolerance;
    }

    /**
     * The slowest rank's kernel time: the batch's kernel time, since ranks run at once.
     *
     * @return milliseconds
     */
    public double kernelMillis() {
        return ranks.stream().mapToDouble(RankTiming::kernelMillis).max().orElse(0);
    }

    /**
     * The slowest rank's transfer time.
     *
     * @return milliseconds
     */
    public double transferMillis() {
        return ranks.stream().mapToDouble(RankTiming::transferMillis).max().orElse(0);
    }

    /**
     * Prints the report as a table and three summary lines.
     *
     * @param out where to print
     */
    public void print(PrintWriter out) {
        out.println(title);
        out.printf(Locale.ROOT, "%-5s %-10s %-20s %13s %11s%n", "rank", "device", "share", "transfer(ms)", "kernel(ms)");
        for (RankTiming t : ranks) {
            out.printf(Locale.ROOT, "%-5d %-10s %-20s %13.3f %11.3f%n", t.rank(), id(t.device()), t.share(),
                    t.transferMillis(), t.kernelMillis());
        }
        ranks.stream().map(RankTiming::device).distinct().forEach(d -> out.printf(Locale.ROOT, "%s: %s (%s, %d compute units)%n",
                id(d), d.name(), d.type().name().toLowerCase(Locale.ROOT), d.computeUnits()));
        out.printf(Locale.ROOT, "check: max error %.3g against the Java reference (%s): %s%n", error,
                tolerance == 0 ? "must be exact" : String.format(Locale.ROOT, "tolerance %.0e", tolerance),
                ok() ? "ok" : "FAILED");
        out.printf(Locale.ROOT, "java loop (1 thread): %.3f ms; java parallel streams: %.3f ms%s%n", javaLoopMillis,
                javaParallelMillis, javaNote.isEmpty() ? "" : " (" + javaNote + ")");
        double kernel = kernelMillis();
        StringBuilder rates = new StringBuilder();
        if (kernel > 0 && flop > 0) {
            rates.append(String.format(Locale.ROOT, ", %.2f GFLOP/s", flop / kernel / 1e6));
        }
        if (kernel > 0 && bytes > 0) {
            rates.append(String.format(Locale.ROOT, ", %.2f GB/s", bytes / kernel / 1e6));
        }
        out.printf(Locale.ROOT, "kernel %.3f ms (slowest rank)%s; x java loop %.2f, x java parallel %.2f;"
                + " with transfers %.3f ms, x java loop %.2f%n", kernel, rates, ratio(javaLoopMillis, kernel),
                ratio(javaParallelMillis, kernel), kernel + transferMillis(), ratio(javaLoopMillis, kernel + transferMillis()));
        out.flush();
    }

    private static double ratio(double java, double device) {
        return device > 0 ? java / device : Double.NaN;
    }

    private static String id(DeviceInfo device) {
        return device.backend() + ":" + device.index();
    }
}
