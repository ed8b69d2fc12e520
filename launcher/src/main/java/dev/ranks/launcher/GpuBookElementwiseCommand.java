package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code launcher gpu book elementwise}: PyOpenCL's {@code ElementwiseKernel} example. */
@Command(name = "elementwise", description = {"PyOpenCL's ElementwiseKernel example: c = a + b over two float32"
        + " vectors of 100 random integers from 0 to 99, the kernel made from the expression; prints the inputs and c."})
final class GpuBookElementwiseCommand implements Callable<Integer> {
    @Mixin
    private GpuBookOptions options;

    @Option(names = "--expression", paramLabel = "EXPR", defaultValue = "c = a + b",
            description = "The kernel, as for 'gpu elementwise'. Default: \"${DEFAULT-VALUE}\", the book's.")
    private String expression;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "Elements per vector. Default:"
            + " ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Override
    public Integer call() {
        Elementwise kernel = Elementwise.parse(expression, ElementType.FLOAT);
        Random random = options.random();
        int inputs = kernel.inputs().size();
        float[][] in = new float[inputs][];
        for (int k = 0; k < inputs; k++) {
            in[k] = GpuBookOptions.floats(size, () -> random.nextInt(100));
        }
        float[] result = new float[size];
        PrintWriter out = options.out();
        try (Device device = options.open(); DeviceBuffer dout = device.allocate(ElementType.FLOAT, size)) {
            DeviceBuffer[] buffers = new DeviceBuffer[inputs];
            try {
                for (int j = 0; j < inputs; j++) {
                    buffers[j] = device.allocate(ElementType.FLOAT, size);
                }
                options.header("gpu book elementwise: " + kernel.source() + ", float32, " + size + " integers from 0 to"
                        + " 99 per input, seed " + options.seed(), device);
                for (int j = 0; j < inputs; j++) {
                    buffers[j].copyIn(in[j]);
                }
                options.startKernel(device);
                device.elementwise(kernel, dout, buffers);
                double ms = options.kernelMs(device);
                dout.copyOut(result);
                for (int j = 0; j < inputs; j++) {
                    out.println(kernel.inputs().get(j) + ":");
                    out.println(NumpyFormat.vector(in[j]));
                }
                out.println(kernel.output() + ":");
                out.println(NumpyFormat.vector(result));
                float[] expected = (float[]) Reference.elementwise(kernel, (Object[]) in);
                return options.finish(device, Reference.error(expected, result), 1e-5, ms);
            } finally {
                for (DeviceBuffer buffer : buffers) {
                    if (buffer != null) {
                        buffer.close();
                    }
                }
            }
        }
    }
}
