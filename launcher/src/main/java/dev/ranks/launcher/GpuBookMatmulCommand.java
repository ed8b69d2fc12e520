package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code launcher gpu book matmul}: PyCUDA's matrix multiplication of two random 5×5 matrices. */
@Command(name = "matmul", description = "PyCUDA's matrix multiplication: C = A B of two 5x5 float32 matrices of normal"
        + " random numbers, one thread per element of C; prints A, B and C.")
final class GpuBookMatmulCommand implements Callable<Integer> {
    private static final int EDGE = 5;

    @Mixin
    private GpuBookOptions options;

    @Override
    public Integer call() {
        Random random = options.random();
        float[] a = GpuBookOptions.floats(EDGE * EDGE, random::nextGaussian);
        float[] b = GpuBookOptions.floats(EDGE * EDGE, random::nextGaussian);
        PrintWriter out = options.out();
        try (Device device = options.open()) {
            options.header("gpu book matmul: C = A B, 5x5 float32 matrices from randn, seed " + options.seed(), device);
            GpuBookOptions.Timed c = options.matmul(device, a, b, EDGE, MatmulVariant.NAIVE);
            float[] cpu = Reference.matmul(a, b, EDGE, EDGE, EDGE); // the book's numpy.dot(a_cpu, b_cpu)
            float[] difference = new float[cpu.length];
            for (int i = 0; i < cpu.length; i++) {
                difference[i] = cpu[i] - c.values()[i];
            }
            String rule = "-".repeat(80);
            out.println(rule);
            out.println("Matrix A (GPU):");
            out.println(NumpyFormat.matrix(a, EDGE, EDGE));
            out.println(rule);
            out.println("Matrix B (GPU):");
            out.println(NumpyFormat.matrix(b, EDGE, EDGE));
            out.println(rule);
            out.println("Matrix C (GPU):");
            out.println(NumpyFormat.matrix(c.values(), EDGE, EDGE));
            out.println(rule);
            out.println("CPU-GPU difference:");
            out.println(NumpyFormat.matrix(difference, EDGE, EDGE));
            return options.finish(device, Reference.error(cpu, c.values()), 1e-5, c.kernelMs());
        }
    }
}
