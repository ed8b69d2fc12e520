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
import picocli.CommandLine.Option;

/** {@code launcher gpu book vecsum}: PyOpenCL's sum of two vectors of 100 random integers. */
@Command(name = "vecsum", description = {"PyOpenCL's vector sum: A + B of two vectors of random integers from 0 to 99;"
        + " prints A, B and A+B.", "The catalog's vector add is float32, which holds these integers exactly; they print"
                + " as integers, as the book's do."})
final class GpuBookVecsumCommand implements Callable<Integer> {
    @Mixin
    private GpuBookOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "Elements per vector. Default:"
            + " ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Override
    public Integer call() {
        Random random = options.random();
        float[] a = GpuBookOptions.floats(size, () -> random.nextInt(100));
        float[] b = GpuBookOptions.floats(size, () -> random.nextInt(100));
        float[] c = new float[size];
        PrintWriter out = options.out();
        try (Device device = options.open();
                DeviceBuffer da = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer db = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer dc = device.allocate(ElementType.FLOAT, size)) {
            options.header("gpu book vecsum: A + B, " + size + " integers from 0 to 99 each, seed " + options.seed(),
                    device);
            da.copyIn(a);
            db.copyIn(b);
            options.startKernel(device);
            device.vecAdd(da, db, dc);
            double kernel = options.kernelMs(device);
            dc.copyOut(c);
            out.println("PyOPENCL SUM OF TWO VECTORS");
            out.println("Platform Selected = " + device.info().backend());
            out.println("Device Selected = " + device.info().name());
            out.println("VECTOR LENGTH = " + a.length);
            out.println("INPUT VECTOR A");
            out.println(NumpyFormat.vector(longs(a)));
            out.println("INPUT VECTOR B");
            out.println(NumpyFormat.vector(longs(b)));
            out.println("OUTPUT VECTOR RESULT A + B ");
            out.println(NumpyFormat.vector(longs(c)));
            return options.finish(device, Reference.error(Reference.vecAdd(a, b), c), 0, kernel);
        }
    }

    static long[] longs(float[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (long) values[i];
        }
        return result;
    }
}
