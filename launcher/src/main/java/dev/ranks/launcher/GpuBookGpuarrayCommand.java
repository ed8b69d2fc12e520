package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code launcher gpu book gpuarray}: PyCUDA's "kernel invocations with GPUArray", {@code a_gpu =
 * gpuarray.to_gpu(numpy.random.randn(4,4).astype(numpy.float32)); a_doubled = (2*a_gpu).get(); print(a_doubled);
 * print(a_gpu)}. {@code 2*a_gpu} is an element-wise kernel into a new array on the device, so the array stays as it
 * was, and both are copied back and printed.
 */
@Command(name = "gpuarray", description = "PyCUDA's GPUArray recipe: a 4x4 float32 matrix from randn on the device,"
        + " 2*a_gpu into a new device array; prints the doubled matrix, then a_gpu, unchanged.")
final class GpuBookGpuarrayCommand implements Callable<Integer> {
    static final int EDGE = 4;

    @Mixin
    private GpuBookOptions options;

    @Override
    public Integer call() {
        float[] a = GpuBookOptions.floats(EDGE * EDGE, options.random()::nextGaussian);
        float[] doubled = new float[a.length];
        float[] back = new float[a.length];
        Elementwise times2 = Elementwise.parse("b = 2 * a", ElementType.FLOAT);
        PrintWriter out = options.out();
        try (Device device = options.open();
                DeviceBuffer aGpu = device.allocate(ElementType.FLOAT, a.length);
                DeviceBuffer bGpu = device.allocate(ElementType.FLOAT, a.length)) {
            options.header("gpu book gpuarray: 2*a_gpu of a 4x4 float32 matrix from randn, seed " + options.seed(),
                    device);
            aGpu.copyIn(a);
            options.startKernel(device);
            device.elementwise(times2, bGpu, aGpu);
            double kernel = options.kernelMs(device);
            bGpu.copyOut(doubled);
            aGpu.copyOut(back);
            out.println(NumpyFormat.matrix(doubled, EDGE, EDGE));
            out.println(NumpyFormat.matrix(back, EDGE, EDGE));
            double error = Math.max(Reference.error(Reference.doubleMatrix(a), doubled), Reference.error(a, back));
            return options.finish(device, error, 0, kernel);
        }
    }
}
