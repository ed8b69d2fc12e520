package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.KernelSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code launcher gpu build FILE}: compiles a user's kernel file for the first device of its backend and
 * lists the kernels in it, as PyOpenCL's {@code cl.Program(ctx, src).build()} would; a compile error is
 * a {@link dev.ranks.gpu.KernelBuildException}, which {@link ExitCodes} prints (the build log with its
 * line numbers) and turns into exit 2.
 */
@Command(name = "build", description = {"Compiles a kernel file on the first device of its backend and lists its kernels"
        + " with their arguments: OpenCL C (.cl) on opencl, CUDA C (.cu) through NVRTC or PTX (.ptx) on cuda.",
    "A compile error prints the compiler's build log, with its line numbers, and exits 2."})
final class GpuBuildCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The kernels' source: a .cl, .cu or .ptx file.")
    private Path file;

    @Option(names = "--backend", paramLabel = "NAME", description = "opencl or cuda. Default: from the file's"
            + " extension, opencl for .cl, cuda for .cu and .ptx; a file of another extension is OpenCL C on opencl and"
            + " CUDA C on cuda.")
    private String backend;

    @Option(names = "--options", paramLabel = "STR", defaultValue = "", description = "Compiler options, such as"
            + " \"-DTILE=64\" or \"-cl-fast-relaxed-math\" (OpenCL), \"--use_fast_math\" (NVRTC).")
    private String options;

    /** What a file holds. */
    private enum Language {
        OPENCL_C("OpenCL C", "opencl"), CUDA_C("CUDA C", "cuda"), PTX("PTX", "cuda");

        final String title;
        final String backend;

        Language(String title, String backend) {
            this.title = title;
            this.backend = backend;
        }
    }

    @Override
    public Integer call() {
        Language language = language();
        if (language == Language.PTX && !options.isBlank()) {
            throw new RanksException(ErrorClass.USAGE, "--options '" + options + "': " + file + " is PTX, which is loaded,"
                    + " not compiled: expected no --options");
        }
        KernelSource source = KernelSource.read(file);
        PrintWriter out = spec.commandLine().getOut();
        try (Device device = Backends.select(language.backend).open(0)) {
            long start = System.nanoTime();
            try (KernelProgram program = language == Language.PTX ? device.loadPtx(source)
                    : device.buildProgram(source, options)) {
                out.printf(Locale.ROOT, "%s: %s for %s:%d (%s), %s in %.0f ms%n", file, language.title,
                        device.info().backend(), device.info().index(), device.info().name(),
                        language == Language.PTX ? "loaded" : "built", (System.nanoTime() - start) / 1e6);
                if (!program.buildLog().isEmpty()) {
                    out.println("build log:");
                    program.buildLog().lines().forEach(line -> out.println("  " + line));
                }
                int n = program.kernelNames().size();
                out.println(n + (n == 1 ? " kernel" : " kernels") + (n == 0 ? "" : ":"));
                int width = program.kernelNames().stream().mapToInt(String::length).max().orElse(0);
                for (String name : program.kernelNames()) {
                    try (Kernel kernel = program.kernel(name)) {
                        out.printf(Locale.ROOT, "  %-" + width + "s  %2d argument%s  %s%n", name, kernel.argCount(),
                                kernel.argCount() == 1 ? " " : "s", kernel.signature());
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    // The extension says what a file is; --backend may confirm it, or choose for a file of another extension.
    private Language language() {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Language byName = name.endsWith(".cl") ? Language.OPENCL_C : name.endsWith(".cu") ? Language.CUDA_C
                : name.endsWith(".ptx") ? Language.PTX : null;
        if (backend == null) {
            if (byName == null) {
                throw new RanksException(ErrorClass.USAGE, file + ": expected a .cl, .cu or .ptx file, or --backend opencl"
                        + " or cuda to say what it holds");
            }
            return byName;
        }
        String chosen = backend.toLowerCase(Locale.ROOT);
        if (!chosen.equals("opencl") && !chosen.equals("cuda")) {
            throw new RanksException(ErrorClass.USAGE, "--backend " + backend + ": expected opencl or cuda (users' kernels"
                    + " are OpenCL C, CUDA C or PTX)");
        }
        if (byName == null) {
            return chosen.equals("opencl") ? Language.OPENCL_C : Language.CUDA_C;
        }
        if (!byName.backend.equals(chosen)) {
            throw new RanksException(ErrorClass.USAGE, file + " is " + byName.title + ", which runs on " + byName.backend
                    + ": expected --backend " + byName.backend + " or none");
        }
        return byName;
    }
}
