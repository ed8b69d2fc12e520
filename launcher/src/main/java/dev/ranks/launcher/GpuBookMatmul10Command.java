package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code launcher gpu book matmul10}: Numba's 10×10 integer matrix multiplication, of which the book prints row 0. */
@Command(name = "matmul10", description = {"Numba's matrix multiplication: C = A B of two 10x10 matrices of random"
        + " integers from 0 to 9; prints the first row of C, as the book does.", "Runs the catalog's float32 matmul,"
                + " exact for these integers (products and sums below 2^24)."})
final class GpuBookMatmul10Command implements Callable<Integer> {
    private static final int EDGE = 10;

    @Mixin
    private GpuBookOptions options;

    @Override
    public Integer call() {
        Random random = options.random();
        float[] a = GpuBookOptions.floats(EDGE * EDGE, () -> random.nextInt(10));
        float[] b = GpuBookOptions.floats(EDGE * EDGE, () -> random.nextInt(10));
        PrintWriter out = options.out();
        try (Device device = options.open()) {
            options.header("gpu book matmul10: C = A B, 10x10 integers from 0 to 9, seed " + options.seed(), device);
            GpuBookOptions.Timed c = options.matmul(device, a, b, EDGE, MatmulVariant.TILED);
            // the book's print("INPUT MATRIX A"); print(":\n%s" % A), and so on
            out.println("INPUT MATRIX A");
            out.println(":\n" + NumpyFormat.matrix(GpuBookVecsumCommand.longs(a), EDGE, EDGE));
            out.println("INPUT MATRIX B");
            out.println(":\n" + NumpyFormat.matrix(GpuBookVecsumCommand.longs(b), EDGE, EDGE));
            out.println("RESULT MATRIX C = A*B");
            out.println(":\n" + NumpyFormat.matrix(GpuBookVecsumCommand.longs(c.values()), EDGE, EDGE));
            return options.finish(device, Reference.error(Reference.matmul(a, b, EDGE, EDGE, EDGE), c.values()), 0,
                    c.kernelMs());
        }
    }
}
