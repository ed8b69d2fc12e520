package dev.ranks.launcher;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.ReduceOp;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code launcher gpu book reduce}: Numba's {@code cuda.reduce} over 1..10000, which prints 50005000. The book's
 * array is int64, so on opencl and cuda the sum is a kernel over longs built here (one work group, a tree in local
 * or shared memory); java and aparapi have no source kernels, and run the catalog's float reduce instead, which the
 * Java backend sums in double, exactly.
 */
@Command(name = "reduce", description = {"Numba's reduce: the sum of 1..N (default 10000, the book's: 50005000) on the"
        + " device; prints the array as numpy summarizes it, then the sum.", "int64 on opencl and cuda; on java and"
                + " aparapi the catalog's float32 reduce."})
final class GpuBookReduceCommand implements Callable<Integer> {
    static final int GROUP = 256;

    static final String OPENCL = """
            __kernel void sum_long(__global const long* x, const int n, __global long* out, __local long* scratch) {
                const int lid = get_local_id(0), size = get_local_size(0);
                long acc = 0;
                for (int i = lid; i < n; i += size) acc += x[i];
                scratch[lid] = acc;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int s = size / 2; s > 0; s >>= 1) {
                    if (lid < s) scratch[lid] += scratch[lid + s];
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                if (lid == 0) out[0] = scratch[0];
            }
            """;

    static final String CUDA = """
            extern "C" __global__ void sum_long(const long long* x, int n, long long* out) {
                extern __shared__ long long scratch[];
                const int lid = threadIdx.x, size = blockDim.x;
                long long acc = 0;
                for (int i = lid; i < n; i += size) acc += x[i];
                scratch[lid] = acc;
                __syncthreads();
                for (int s = size / 2; s > 0; s >>= 1) {
                    if (lid < s) scratch[lid] += scratch[lid + s];
                    __syncthreads();
                }
                if (lid == 0) out[0] = scratch[0];
            }
            """;

    @Mixin
    private GpuBookOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000", description = "Sums 1..N. Default:"
            + " ${DEFAULT-VALUE}, the book's.")
    private int size;

    @Override
    public Integer call() {
        options.checkSize(size);
        long[] a = new long[size];
        for (int i = 0; i < size; i++) {
            a[i] = i + 1L;
        }
        long expected = (long) size * (size + 1) / 2;
        PrintWriter out = options.out();
        try (Device device = options.open()) {
            String backend = device.info().backend();
            boolean source = backend.equals("opencl") || backend.equals("cuda");
            options.header("gpu book reduce: the sum of 1.." + size + ", " + (source ? "int64" : "float32"), device);
            out.println("vector to reduce =  " + NumpyFormat.vector(a)); // print("vector to reduce = ", A)
            long sum;
            double ms;
            if (source) {
                try (KernelProgram program = device.buildProgram(backend.equals("cuda") ? CUDA : OPENCL, "");
                        Kernel kernel = program.kernel("sum_long");
                        DeviceBuffer x = device.allocate(ElementType.LONG, size);
                        DeviceBuffer result = device.allocate(ElementType.LONG, 1)) {
                    x.copyIn(a);
                    kernel.arg(0, x).arg(1, size).arg(2, result);
                    if (backend.equals("cuda")) {
                        kernel.sharedMemory(GROUP * 8L);
                    } else {
                        kernel.localArg(3, GROUP * 8L);
                    }
                    options.startKernel(device);
                    kernel.launch(GROUP, GROUP);
                    ms = options.kernelMs(device);
                    long[] got = new long[1];
                    result.copyOut(got);
                    sum = got[0];
                }
            } else {
                float[] f = new float[size];
                for (int i = 0; i < size; i++) {
                    f[i] = a[i];
                }
                try (DeviceBuffer x = device.allocate(ElementType.FLOAT, size)) {
                    x.copyIn(f);
                    options.startKernel(device);
                    double got = device.reduce(x, ReduceOp.SUM);
                    ms = options.kernelMs(device);
                    sum = Math.round(got);
                }
            }
            out.println("result =  " + sum);
            return options.finish(device, Math.abs(sum - expected), 0, ms);
        }
    }
}
