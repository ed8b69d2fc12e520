package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.MatmulVariant;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the book recipes share, mixed into each: the backend, the seed, the device and the printing. */
final class GpuBookOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private BackendOption backend;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random input (java.util.Random), printed with it. Default: ${DEFAULT-VALUE}.")
    private long seed;

    private long started;
    private long transfersBefore;

    /** Opens device 0 of the chosen backend; an unknown or unavailable backend is {@code UNAVAILABLE}, exit 2. */
    Device open() {
        return backend.select().open(0);
    }

    /** The generator of the recipe's random input. */
    Random random() {
        return new Random(seed);
    }

    /**
     * The recipe's random input: {@code n} values drawn one after the other.
     *
     * @param n how many
     * @param next the next value, such as {@code random::nextGaussian}
     * @return the values, as float32
     */
    static float[] floats(int n, DoubleSupplier next) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) next.getAsDouble();
        }
        return values;
    }

    /**
     * C = A B of two square matrices on the device, the multiplication timed as the kernel.
     *
     * @param device the open device
     * @param a A, row-major
     * @param b B, row-major
     * @param edge the matrices' edge
     * @param variant the catalog's kernel
     * @return C and the kernel's time
     */
    Timed matmul(Device device, float[] a, float[] b, int edge, MatmulVariant variant) {
        float[] c = new float[edge * edge];
        try (DeviceBuffer da = device.allocate(ElementType.FLOAT, a.length);
                DeviceBuffer db = device.allocate(ElementType.FLOAT, b.length);
                DeviceBuffer dc = device.allocate(ElementType.FLOAT, c.length)) {
            da.copyIn(a);
            db.copyIn(b);
            startKernel(device);
            device.matmul(da, db, dc, edge, edge, edge, variant);
            double kernel = kernelMs(device);
            dc.copyOut(c);
            return new Timed(c, kernel);
        }
    }

    /**
     * A recipe's {@code --size}, which must be 1 or more.
     *
     * @param size the value given
     * @throws picocli.CommandLine.ParameterException naming the value, for exit 2
     */
    void checkSize(int size) {
        if (size < 1) {
            throw new picocli.CommandLine.ParameterException(commandLine(), "--size " + size + ": expected 1 or more");
        }
    }

    /**
     * A kernel's result and its time.
     *
     * @param values the result
     * @param kernelMs the kernel's time, without the copies
     */
    record Timed(float[] values, double kernelMs) {
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
