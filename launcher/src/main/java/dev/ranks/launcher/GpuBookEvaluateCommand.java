package dev.ranks.launcher;

import dev.ranks.gpu.Backends;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.Reference;
import java.io.PrintWriter;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code launcher gpu book evaluate}: the Cookbook's "Evaluating PyOpenCL applications" ({@code
 * testApplicationPyopencl.py}), {@code c = a + b} of two vectors of 10000 random float32, each sum done 10000 times
 * over, timed on the CPU (a double loop in Java) and on the device, and the two results compared.
 *
 * <p>Before the times it prints what the script's {@code print_device_info()} prints, every OpenCL platform and device
 * in {@code gpu info --book pyopencl}'s layout, but only when the device is an OpenCL one: that block is PyOpenCL's
 * view of the machine and would say nothing about a CUDA, Aparapi or Java device, so those get one line describing
 * the device, as {@code gpu info} lists it.
 *
 * <p>On {@code opencl} and {@code cuda} the book's kernel is built from source, its loop bound a parameter so that
 * {@code --size} sets it with the vector; {@code java} and {@code aparapi} have no source kernels and run the
 * catalog's vector add, once. The kernel time is the launch's, less any copies the backend made inside it (the book
 * reads OpenCL's event profile); the GPU time covers the upload, the kernel and the read back, not the build, as
 * in the book. The book asserts the norm of the difference below 1e-5; the check here holds every element to 1e-5,
 * and a float32 sum is exact on both sides, so it prints "equals the Java reference exactly".
 */
@Command(name = "evaluate", description = {"PyOpenCL's CPU against GPU evaluation: c = a + b of two vectors of N"
        + " (default 10000) random floats in [0, 1), each sum repeated N times in a Java double loop and in the book's"
        + " kernel; prints the OpenCL device info (other backends: one device line), then 'CPU Time: T s', 'GPU Kernel"
        + " evaluation Time: T s' and 'GPU Time: T s'.", "The kernel is built from source on opencl and cuda; on java and"
                + " aparapi the catalog's vector add runs once."})
final class GpuBookEvaluateCommand implements Callable<Integer> {
    /** The check's bound, the book's {@code assert la.norm(cpu_result - gpu_result) < 1e-5}. */
    static final double TOLERANCE = 1e-5;

    /** The book's kernel, with its loop bound, 10000 there, passed as {@code n}. */
    static final String OPENCL = """
            __kernel void sum(__global const float *a, __global const float *b, __global float *c, const int n)
            {
                int i = get_global_id(0);
                int j;
                for(j = 0; j < n; j++)
                {
                    c[i] = a[i] + b[i];
                }
            }
            """;

    /** The book's kernel in CUDA C; a launch with no block size gets blocks that divide N, so no guard. */
    static final String CUDA = """
            extern "C" __global__ void sum(const float *a, const float *b, float *c, const int n)
            {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                int j;
                for(j = 0; j < n; j++)
                {
                    c[i] = a[i] + b[i];
                }
            }
            """;

    @Mixin
    private GpuBookOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000", description = "Elements per vector, and"
            + " times each sum is repeated. Default: ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Override
    public Integer call() {
        options.checkSize(size);
        Random random = options.random();
        float[] a = GpuBookOptions.floats(size, random::nextFloat);
        float[] b = GpuBookOptions.floats(size, random::nextFloat);
        PrintWriter out = options.out();
        try (Device device = options.open();
                DeviceBuffer da = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer db = device.allocate(ElementType.FLOAT, size);
                DeviceBuffer dc = device.allocate(ElementType.FLOAT, size)) {
            DeviceInfo info = device.info();
            boolean source = info.backend().equals("opencl") || info.backend().equals("cuda");
            options.header("gpu book evaluate: c = a + b, " + size + " uniform floats in [0, 1) per input, seed "
                    + options.seed() + ", each sum done " + size + " times on the CPU, " + (source ? size
                            + " times in the kernel" : "once by the catalog's vector add"), device);
            if (info.backend().equals("opencl")) {
                GpuInfoCommand.pyopencl(out, Backends.named("opencl").devices());
            } else {
                out.println(info.backend() + " device " + GpuInfoCommand.describe(info));
            }
            float[] cpu = new float[size];
            long cpuStart = System.nanoTime();
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    cpu[i] = a[i] + b[i];
                }
            }
            out.println("CPU Time: " + (System.nanoTime() - cpuStart) / 1e9 + " s");
            if (!source) {
                return gpu(device, new Vectors(a, b, cpu, da, db, dc), () -> device.vecAdd(da, db, dc));
            }
            // built before the GPU timer starts, as the book builds its program
            try (KernelProgram program = device.buildProgram(info.backend().equals("cuda") ? CUDA : OPENCL, "");
                    Kernel kernel = program.kernel("sum")) {
                kernel.arg(0, da).arg(1, db).arg(2, dc).arg(3, size);
                // the book leaves the work-group size to the driver: program.sum(queue, a.shape, None, ...)
                return gpu(device, new Vectors(a, b, cpu, da, db, dc), () -> kernel.launch(new long[] {size}, null));
            }
        }
    }

    /**
     * The inputs, the CPU's result and the device's buffers.
     *
     * @param a the first input
     * @param b the second input
     * @param cpu the CPU's sums
     * @param da a on the device
     * @param db b on the device
     * @param dc the device's sums
     */
    private record Vectors(float[] a, float[] b, float[] cpu, DeviceBuffer da, DeviceBuffer db, DeviceBuffer dc) {
    }

    /** The book's {@code test_gpu_vector_sum}, timed, then the comparison with the CPU's sums. */
    private int gpu(Device device, Vectors v, Runnable kernel) {
        PrintWriter out = options.out();
        float[] gpu = new float[size];
        long gpuStart = System.nanoTime();
        v.da().copyIn(v.a());
        v.db().copyIn(v.b());
        options.startKernel(device);
        kernel.run();
        double kernelMs = options.kernelMs(device);
        v.dc().copyOut(gpu);
        long gpuEnd = System.nanoTime();
        out.println("GPU Kernel evaluation Time: " + kernelMs / 1e3 + " s");
        out.println("GPU Time: " + (gpuEnd - gpuStart) / 1e9 + " s");
        return options.finish(device, Reference.error(v.cpu(), gpu), TOLERANCE, kernelMs);
    }
}
