package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.ReduceOp;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code launcher gpu book dot}: PyCUDA's "MapReduce with PyCUDA", a {@code ReductionKernel(numpy.float32,
 * neutral="0", reduce_expr="a+b", map_expr="x[i]*y[i]", arguments="float *x, float *y")} over {@code x = y =
 * gpuarray.arange(400, dtype=numpy.float32)}. The map is an element-wise kernel and the reduction the catalog's sum,
 * two launches where PyCUDA fuses them into one. The exact dot product, 21253400, is a float32; a float32 sum reaches
 * it only in a tree order (PyCUDA's, OpenCL's), while adding in index order gives 21253384, so the check allows a
 * float32 sum's error rather than demanding the exact value.
 */
@Command(name = "dot", description = {"PyCUDA's MapReduce recipe: the dot product of x = y = arange(N) in float32 (map"
        + " x[i]*y[i], reduce a+b); prints it, 21253400.0 for the book's N = 400."})
final class GpuBookDotCommand implements Callable<Integer> {
    /** The check's scaled error for a float32 sum: rounding in the partial sums, not a wrong result. */
    static final double TOLERANCE = 1e-5;

    @Mixin
    private GpuBookOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "400", description = "Elements of arange(N)."
            + " Default: ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Override
    public Integer call() {
        options.checkSize(size);
        float[] x = new float[size];
        double exact = 0;
        for (int i = 0; i < size; i++) {
            x[i] = i;
            exact += (double) i * i;
        }
        Elementwise map = Elementwise.parse("p = x * y", ElementType.FLOAT);
        PrintWriter out = options.out();
        try (Device device = options.open();
                DeviceBuffer dx = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer dy = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer products = device.allocate(ElementType.FLOAT, size)) {
            options.header("gpu book dot: ReductionKernel x[i]*y[i], a+b over x = y = arange(" + size + "), float32",
                    device);
            dx.copyIn(x);
            dy.copyIn(x);
            options.startKernel(device);
            device.elementwise(map, products, dx, dy);
            float dot = (float) device.reduce(products, ReduceOp.SUM);
            double ms = options.kernelMs(device);
            out.println(NumpyFormat.scalar(dot));
            return options.finish(device, Reference.error(exact, dot), TOLERANCE, ms);
        }
    }
}
