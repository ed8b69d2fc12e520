package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code launcher gpu book double}: PyCUDA's first recipe, a 5×5 random matrix doubled on the device. */
@Command(name = "double", description = "PyCUDA's first recipe: a 5x5 float32 matrix of normal random numbers doubled"
        + " element by element on a 2-D grid; prints the matrix and the doubled matrix.")
final class GpuBookDoubleCommand implements Callable<Integer> {
    static final int EDGE = 5;

    @Mixin
    private GpuBookOptions options;

    @Override
    public Integer call() {
        Random random = options.random();
        float[] a = GpuBookOptions.floats(EDGE * EDGE, random::nextGaussian);
        float[] doubled = new float[a.length];
        PrintWriter out = options.out();
        try (Device device = options.open(); DeviceBuffer m = device.allocate(ElementType.FLOAT, a.length)) {
            options.header("gpu book double: a 5x5 float32 matrix from randn, seed " + options.seed() + ", doubled", device);
            m.copyIn(a);
            options.startKernel(device);
            device.doubleMatrix(m, EDGE, EDGE);
            double kernel = options.kernelMs(device);
            m.copyOut(doubled);
            out.println("ORIGINAL MATRIX");
            out.println(NumpyFormat.matrix(a, EDGE, EDGE));
            out.println("DOUBLED MATRIX AFTER PyCUDA EXECUTION");
            out.println(NumpyFormat.matrix(doubled, EDGE, EDGE));
            return options.finish(device, Reference.error(Reference.doubleMatrix(a), doubled), 0, kernel);
        }
    }
}
