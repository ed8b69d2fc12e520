package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
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
        float[] a = new float[EDGE * EDGE];
        float[] b = new float[EDGE * EDGE];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(10);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(10);
        }
        float[] c = new float[EDGE * EDGE];
        PrintWriter out = options.out();
        try (Device device = options.open();
                DeviceBuffer da = device.allocate(ElementType.FLOAT, a.length);
                DeviceBuffer db = device.allocate(ElementType.FLOAT, b.length);
                DeviceBuffer dc = device.allocate(ElementType.FLOAT, c.length)) {
            options.header("gpu book matmul10: C = A B, 10x10 integers from 0 to 9, seed " + options.seed(), device);
            da.copyIn(a);
            db.copyIn(b);
            options.startKernel(device);
            device.matmul(da, db, dc, EDGE, EDGE, EDGE, MatmulVariant.TILED);
            double kernel = options.kernelMs(device);
            dc.copyOut(c);
            float[] row = new float[EDGE];
            System.arraycopy(c, 0, row, 0, EDGE);
            out.println("first row of C:");
            out.println(NumpyFormat.vector(GpuBookVecsumCommand.longs(row)));
            return options.finish(device, Reference.error(Reference.matmul(a, b, EDGE, EDGE, EDGE), c), 0, kernel);
        }
    }
}
