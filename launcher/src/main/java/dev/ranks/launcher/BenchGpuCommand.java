package dev.ranks.launcher;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.BufferMemory;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.Selection;
import dev.ranks.workloads.gpu.GpuBatch;
import dev.ranks.workloads.gpu.GpuReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher bench gpu}: vector add and matmul per backend against Java, in one run. */
@Command(name = "gpu", description = {
    "Runs vector add of --vector-size floats and the --matmul-kernels at each of --matmul-sizes on every backend of"
        + " --backends that is available, over -n ranks, and prints kernel and transfer times, GFLOP/s and GB/s of"
        + " kernel time, and the Java loop and parallel-stream times of the same run with their ratios. See docs/gpu.md."})
final class BenchGpuCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--backends", paramLabel = "LIST", split = ",", defaultValue = "cuda,opencl,aparapi,java",
            description = "The backends, comma-separated; unavailable ones print their reason. Default: ${DEFAULT-VALUE}.")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--vector-size", paramLabel = "N", defaultValue = "10000000",
            description = "Floats per vector of the vector add. Default: ${DEFAULT-VALUE}.")
    private int vectorSize;

    @Option(names = "--matmul-sizes", paramLabel = "LIST", split = ",", defaultValue = "1024,2048,4096",
            description = "Matrix edges, comma-separated. Default: ${DEFAULT-VALUE}.")
    private List<Integer> matmulSizes = new ArrayList<>();

    @Option(names = "--matmul-kernels", paramLabel = "LIST", split = ",", defaultValue = "tiled",
            converter = GpuMatmulCommand.VariantConverter.class,
            description = "Matmul kernels, comma-separated: naive, tiled, blocked (Aparapi and Java run tiled for"
                    + " blocked). Default: ${DEFAULT-VALUE}.")
    private List<MatmulVariant> matmulKernels = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Kernel runs per case; the best is reported. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Mixin
    private PlotOption plotOption;

    // Rank 0's rows, for the plot; empty in a process that ran no rank 0 (the mpj device's launching JVM).
    private final List<Point> points = new ArrayList<>();

    /**
     * One row of the table, as the plot needs it.
     *
     * @param backend the backend
     * @param kernel the kernel's label
     * @param size the vector length or matrix edge
     * @param kernelMillis the kernel's time
     * @param javaLoopMillis the Java loop's time in the same run
     * @param javaParallelMillis the Java parallel stream's time in the same run
     */
    private record Point(String backend, String kernel, int size, double kernelMillis, double javaLoopMillis,
                         double javaParallelMillis) {
        String group() {
            return kernel + " " + size;
        }
    }

    @Override
    public Integer call() {
        BenchPlot plot = plotOption.plot();
        backends.forEach(Backends::named);
        // Every row's size, before the first row: too large is refused now, not an OutOfMemoryError rows later.
        for (String name : backends) {
            if (Backends.named(name).availability().available()) {
                checkMemory(name);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# gpu: kernel = best of " + repeat + " runs of the slowest rank; GFLOP/s and GB/s of kernel time;"
                + " x loop / x parallel = the Java time of the same run over the kernel time (above 1: the device wins)");
        out.printf(Locale.ROOT, "%-8s %-14s %6s %12s %10s %9s %13s %12s %14s %7s %10s%n", "backend", "kernel", "size",
                "kernel(ms)", "GFLOP/s", "GB/s", "transfer(ms)", "java loop", "java parallel", "x loop", "x parallel");
        try (Progress progress = Progress.start(spec, rows(), true)) {
            return table(out, progress, plot);
        }
    }

    // One row per available backend's vector add memory and matmul size and kernel, what the bar counts.
    private long rows() {
        long rows = 0;
        for (String name : backends) {
            ComputeBackend backend = Backends.named(name);
            if (backend.availability().available()) {
                rows += (backend.hostBuffers() ? 2 : 1) + (long) matmulSizes.size() * matmulKernels.size();
            }
        }
        return rows;
    }

    private int table(PrintWriter out, Progress progress, BenchPlot plot) {
        for (String name : backends) {
            ComputeBackend backend = Backends.named(name);
            Availability a = backend.availability();
            if (!a.available()) {
                out.println(name + ": unavailable: " + a.detail());
                continue;
            }
            // Where a backend has zero-copy host buffers, vector add runs in both memories: the transfer
            // column then shows what the zero copy saves on the same run.
            List<BufferMemory> memories = backend.hostBuffers() ? List.of(BufferMemory.DEVICE, BufferMemory.HOST)
                    : List.of(BufferMemory.DEVICE);
            int code = 0;
            for (BufferMemory memory : memories) {
                String kernel = memories.size() == 1 ? "vecadd" : "vecadd/" + memory.name().toLowerCase(Locale.ROOT);
                if (code == 0) {
                    code = row(out, progress, name, kernel, vectorSize, comm -> GpuBatch.vecAdd(comm, spec(name, vectorSize, memory)));
                }
            }
            for (int n : matmulSizes) {
                for (MatmulVariant variant : matmulKernels) {
                    String kernel = variant == MatmulVariant.TILED ? "matmul"
                            : "matmul/" + variant.name().toLowerCase(Locale.ROOT);
                    if (code == 0) {
                        code = row(out, progress, name, kernel, n,
                                comm -> GpuBatch.matmul(comm, spec(name, n, BufferMemory.DEVICE), variant));
                    }
                }
            }
            if (code != 0) {
                return code;
            }
        }
        out.flush();
        if (plot != null && !points.isEmpty()) {
            plot(plot);
        }
        return 0;
    }

    /** Bars of kernel time: a group per kernel and size, a bar per backend, then Java's loop and parallel stream. */
    private void plot(BenchPlot plot) {
        List<String> groups = List.copyOf(new LinkedHashSet<>(points.stream().map(Point::group).toList()));
        List<BenchPlot.Bars> bars = new ArrayList<>();
        for (String backend : new LinkedHashSet<>(points.stream().map(Point::backend).toList())) {
            bars.add(new BenchPlot.Bars(backend, groups.stream().map(group -> points.stream()
                    .filter(p -> p.backend().equals(backend) && p.group().equals(group))
                    .map(Point::kernelMillis).findFirst().orElse(null)).toList()));
        }
        // Java's times of the group's first row: each row measures them again, and they agree within noise.
        bars.add(new BenchPlot.Bars("Java loop", groups.stream().map(group -> points.stream()
                .filter(p -> p.group().equals(group)).map(Point::javaLoopMillis).findFirst().orElseThrow()).toList()));
        bars.add(new BenchPlot.Bars("Java parallel stream", groups.stream().map(group -> points.stream()
                .filter(p -> p.group().equals(group)).map(Point::javaParallelMillis).findFirst().orElseThrow()).toList()));
        plot.bars("kernel time, best of " + repeat + " runs", "kernel and size", "time (ms)", groups, bars, true);
    }

    private void checkMemory(String backend) {
        Selection selection = Backends.select(backend);
        GpuOptions.checkMemory(bench.job(), "bench gpu --vector-size " + vectorSize, selection,
                (ranks, heapBuffers) -> GpuBatch.Footprint.vectors(vectorSize, 2, ranks, heapBuffers));
        for (int n : matmulSizes) {
            GpuOptions.checkMemory(bench.job(), "bench gpu matmul of size " + n, selection,
                    (ranks, heapBuffers) -> GpuBatch.Footprint.matmul(n, ranks, heapBuffers));
        }
    }

    private GpuBatch.Spec spec(String backend, int size, BufferMemory memory) {
        return new GpuBatch.Spec(Backends.select(backend), size, repeat, 1, memory);
    }

    // Rank 0 prints the row; a result outside its tolerance fails rank 0, so the job exits 1.
    private int row(PrintWriter out, Progress progress, String backend, String kernel, int size,
            Function<Intracomm, GpuReport> job) {
        String what = backend + " " + kernel + " of size " + size;
        if (progress.shown()) {
            progress.message(what);
        } else {
            Steps.of(spec).start(what);
        }
        int code = bench.job().run(spec, 1, comm -> {
            GpuReport r = job.apply(comm);
            if (r == null) {
                return;
            }
            double k = r.kernelMillis();
            points.add(new Point(backend, kernel, size, k, r.javaLoopMillis(), r.javaParallelMillis()));
            out.printf(Locale.ROOT, "%-8s %-14s %6d %12.3f %10s %9s %13.3f %12.3f %14.3f %7.2f %10.2f%n", backend, kernel,
                    size, k, rate(r.flop(), k), rate(r.bytes(), k), r.transferMillis(), r.javaLoopMillis(),
                    r.javaParallelMillis(), r.javaLoopMillis() / k, r.javaParallelMillis() / k);
            out.flush();
            if (!r.ok()) {
                throw new RanksException(ErrorClass.INTERNAL, comm.rank(), backend + " " + kernel + " " + size
                        + ": the result differs from the Java reference by " + r.error() + ", more than " + r.tolerance(),
                        null);
            }
        });
        progress.step();
        return code;
    }

    private static String rate(double amount, double millis) {
        return amount > 0 && millis > 0 ? String.format(Locale.ROOT, "%.2f", amount / millis / 1e6) : "-";
    }
}
