package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code launcher gpu book elementwise}: the books' two {@code ElementwiseKernel} examples, {@code c[i] = a[i] + b[i]}:
 * PyOpenCL's over vectors of random integers, printed as integers under its labels, and PyCUDA's over {@code curand}'s
 * uniform floats, under its own.
 */
@Command(name = "elementwise", description = {"The books' ElementwiseKernel examples: c = a + b over two float32"
        + " vectors of 100, the kernel made from the expression; prints the inputs and c under the book's labels.",
    "--book pyopencl: random integers from 0 to 99, printed as integers; --book pycuda: uniform floats in [0, 1)."})
final class GpuBookElementwiseCommand implements Callable<Integer> {
    @Mixin
    private GpuBookOptions options;

    @Option(names = "--expression", paramLabel = "EXPR", defaultValue = "c = a + b",
            description = "The kernel, as for 'gpu elementwise'. Default: \"${DEFAULT-VALUE}\", the book's.")
    private String expression;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "Elements per vector. Default:"
            + " ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Option(names = "--book", paramLabel = "BOOK", defaultValue = "pyopencl", converter = PyBook.Converter.class,
            description = "Whose example: pyopencl or pycuda. Default: ${DEFAULT-VALUE}.")
    private PyBook book;

    @Override
    public Integer call() {
        Elementwise kernel = Elementwise.parse(expression, ElementType.FLOAT);
        Random random = options.random();
        int inputs = kernel.inputs().size();
        float[][] in = new float[inputs][];
        for (int k = 0; k < inputs; k++) {
            in[k] = book == PyBook.PYOPENCL ? GpuBookOptions.floats(size, () -> random.nextInt(100))
                    : GpuBookOptions.floats(size, random::nextFloat);
        }
        float[] result = new float[size];
        PrintWriter out = options.out();
        try (Device device = options.open(); DeviceBuffer dout = device.allocate(ElementType.FLOAT, size)) {
            DeviceBuffer[] buffers = new DeviceBuffer[inputs];
            try {
                for (int j = 0; j < inputs; j++) {
                    buffers[j] = device.allocate(ElementType.FLOAT, size);
                }
                options.header("gpu book elementwise: " + kernel.source() + ", float32, " + size + (book == PyBook.PYOPENCL
                        ? " integers from 0 to 99" : " uniform floats in [0, 1)") + " per input, seed " + options.seed(),
                        device);
                for (int j = 0; j < inputs; j++) {
                    buffers[j].copyIn(in[j]);
                }
                options.startKernel(device);
                device.elementwise(kernel, dout, buffers);
                double ms = options.kernelMs(device);
                dout.copyOut(result);
                String rhs = kernel.source().substring(kernel.source().indexOf('=') + 1).strip().toUpperCase(Locale.ROOT);
                if (book == PyBook.PYOPENCL) {
                    // the book's kernel, c = a + b, is "SUM OF TWO VECTORS"; another expression is named as it is
                    out.println("PyOpenCL ELEMENTWISE " + (rhs.equals("A + B") ? "SUM OF TWO VECTORS" : rhs));
                    out.println("VECTOR LENGTH = " + size);
                }
                for (int j = 0; j < inputs; j++) {
                    out.println("INPUT VECTOR " + kernel.inputs().get(j).toUpperCase(Locale.ROOT)
                            + (book == PyBook.PYOPENCL ? "" : " ="));
                    out.println(format(in[j]));
                }
                out.println(book == PyBook.PYOPENCL ? "OUTPUT VECTOR RESULT " + rhs + " "
                        : "RESULTING VECTOR " + kernel.output().toUpperCase(Locale.ROOT) + " =");
                out.println(format(result));
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

    // PyOpenCL's vectors are integers, and print as such where every value is whole; PyCUDA's are floats.
    private String format(float[] values) {
        if (book == PyBook.PYOPENCL) {
            long[] whole = GpuBookVecsumCommand.longs(values);
            boolean integral = true;
            for (int i = 0; i < values.length && integral; i++) {
                integral = whole[i] == values[i];
            }
            if (integral) {
                return NumpyFormat.vector(whole);
            }
        }
        return NumpyFormat.vector(values);
    }
}
