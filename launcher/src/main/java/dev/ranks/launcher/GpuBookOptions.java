package dev.ranks.launcher;

import dev.ranks.gpu.Backends;
import dev.ranks.gpu.Device;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the book recipes share, mixed into each: the backend, the seed, the device and the printing. */
final class GpuBookOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "auto, cuda, opencl, aparapi or java; auto tries CUDA, an OpenCL GPU, an OpenCL CPU, then"
                    + " Java. Default: ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random input (java.util.Random), printed with it. Default: ${DEFAULT-VALUE}.")
    private long seed;

    private long started;
    private long transfersBefore;

    /** Opens device 0 of the chosen backend; an unknown or unavailable backend is {@code UNAVAILABLE}, exit 2. */
    Device open() {
        return Backends.select(backend).open(0);
    }

    /** The generator of the recipe's random input. */
    Random random() {
        return new Random(seed);
    }

    long seed() {
        return seed;
    }

    picocli.CommandLine commandLine() {
        return command.commandLine();
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The first line: the recipe, its input and the device. */
    void header(String what, Device device) {
        out().println(what + " on " + device.info().backend() + ":" + device.info().index() + " ("
                + device.info().name() + ")");
    }

    /** Starts timing the kernel call, after the inputs are copied in. */
    void startKernel(Device device) {
        transfersBefore = device.transferNanos();
        started = System.nanoTime();
    }

    /** Stops timing: the call's wall time less the copies the backend made inside it. */
    double kernelMs(Device device) {
        long inside = device.transferNanos() - transfersBefore;
        return (System.nanoTime() - started - inside) / 1e6;
    }

    /**
     * The check and the times, the last lines.
     *
     * @return the exit code: 0, or 1 where the result differs from Java beyond the tolerance
     */
    int finish(Device device, double error, double tolerance, double kernelMs) {
        PrintWriter out = out();
        boolean ok = error <= tolerance;
        out.println(error == 0 ? "check: equals the Java reference exactly" : String.format(Locale.ROOT,
                "check: max error %.2e against the Java reference (tolerance %.0e): %s", error, tolerance,
                ok ? "ok" : "DIFFERS"));
        out.printf(Locale.ROOT, "kernel %.3f ms, transfers %.3f ms%n", kernelMs, device.transferNanos() / 1e6);
        out.flush();
        if (!ok) {
            command.commandLine().getErr().println("the result differs from the Java reference by " + error
                    + ", more than " + tolerance);
            command.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
