package dev.ranks.gpu.opencl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.KernelSource;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.ReduceOp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * An OpenCL device: a context, one in-order queue, the catalog program built once, and element-wise
 * programs built on first use of each expression. Every call ends with {@code clFinish}.
 */
final class OpenClDevice extends Device {
    /** The work-group size of the 1-D kernels, cut to what a kernel allows. */
    private static final int LOCAL = 64;
    /** The tile edge of {@code matmul_tiled}; must match TILE in kernels.cl. */
    private static final int TILE = 16;
    /** The edge of the block of C a group of {@code matmul_blocked} computes; must match BLOCK in kernels.cl. */
    private static final int BLOCKED_EDGE = 64;
    /** Work groups of a reduction's first stage: enough to fill a large GPU, few enough for one group to fold. */
    private static final int REDUCE_GROUPS = 1024;
    private static final String CATALOG = "kernels.cl";

    private final cl_device_id id;
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program catalog;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private final Map<String, cl_program> elementwisePrograms = new HashMap<>();
    private final boolean fp64;
    private final long localMemoryBytes;
    private final long[] workItemLimits = new long[3];
    private cl_mem partials;
    private cl_mem result;

    OpenClDevice(DeviceInfo info, cl_platform_id platform, cl_device_id id) {
        super(info);
        this.id = id;
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL.CL_CONTEXT_PLATFORM, platform);
        context = CL.clCreateContext(properties, 1, new cl_device_id[] {id}, null, null, null);
        queue = CL.clCreateCommandQueueWithProperties(context, id, new cl_queue_properties(), null);
        catalog = build(catalogSource(), "the kernel catalog");
        String extensions = Info.deviceString(id, CL.CL_DEVICE_EXTENSIONS);
        fp64 = extensions.contains("cl_khr_fp64");
        localMemoryBytes = Info.deviceLong(id, CL.CL_DEVICE_LOCAL_MEM_SIZE);
        int dims = Info.deviceInt(id, CL.CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS);
        long[] sizes = new long[Math.max(3, dims)];
        CL.clGetDeviceInfo(id, CL.CL_DEVICE_MAX_WORK_ITEM_SIZES, (long) dims * Sizeof.size_t, Pointer.to(sizes), null);
        System.arraycopy(sizes, 0, workItemLimits, 0, 3);
    }

    cl_command_queue queue() {
        return queue;
    }

    cl_context context() {
        return context;
    }

    cl_device_id id() {
        return id;
    }

    long localMemoryBytes() {
        return localMemoryBytes;
    }

    long[] workItemLimits() {
        return workItemLimits.clone();
    }

    @Override
    protected KernelProgram compileProgram(KernelSource source, String options) {
        return OpenClProgram.build(this, source, options);
    }

    @Override
    protected DeviceBuffer newBuffer(ElementType type, int length, boolean host) {
        if (type == ElementType.DOUBLE && !fp64) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "device " + info().name() + " lacks cl_khr_fp64:"
                    + " double buffers cannot be used there");
        }
        long flags = CL.CL_MEM_READ_WRITE | (host ? CL.CL_MEM_ALLOC_HOST_PTR : 0);
        cl_mem mem = length == 0 ? null : call("allocate " + length + " " + type.javaName() + "s",
                () -> CL.clCreateBuffer(context, flags, (long) length * type.bytes(), null, null));
        return new OpenClBuffer(this, type, length, mem, host);
    }

    @Override
    protected boolean hasHostBuffers() {
        return true;
    }

    @Override
    protected boolean computesInHostMemory() {
        return info().type() == DeviceType.CPU;
    }

    @Override
    protected void runVecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        cl_kernel k = kernel("vec_add");
        args(k, mem(a), mem(b), mem(c), a.length());
        run1d(k, a.length());
    }

    @Override
    protected void runSaxpy(float alpha, DeviceBuffer x, DeviceBuffer y) {
        cl_kernel k = kernel("saxpy");
        args(k, alpha, mem(x), mem(y), x.length());
        run1d(k, x.length());
    }

    @Override
    protected void runElementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer[] inputs) {
        cl_kernel k = elementwiseKernel(kernel);
        Object[] values = new Object[inputs.length + 2];
        values[0] = mem(out);
        for (int i = 0; i < inputs.length; i++) {
            values[i + 1] = mem(inputs[i]);
        }
        values[values.length - 1] = out.length();
        args(k, values);
        run1d(k, out.length());
    }

    @Override
    protected void runDoubleMatrix(DeviceBuffer matrix, int rows, int cols) {
        cl_kernel k = kernel("double_matrix");
        args(k, mem(matrix), rows, cols);
        run2d(k, cols, rows, TILE);
    }

    @Override
    protected void runMatmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant) {
        cl_kernel kernel = kernel("matmul_" + variant.name().toLowerCase(Locale.ROOT));
        args(kernel, mem(a), mem(b), mem(c), n, k, m);
        if (variant == MatmulVariant.BLOCKED) {
            // A TILE x TILE group per BLOCKED_EDGE x BLOCKED_EDGE block of C.
            enqueue(kernel, new long[] {(m + BLOCKED_EDGE - 1L) / BLOCKED_EDGE * TILE,
                (n + BLOCKED_EDGE - 1L) / BLOCKED_EDGE * TILE}, new long[] {TILE, TILE});
        } else {
            run2d(kernel, m, n, TILE);
        }
    }

    @Override
    protected double runReduce(DeviceBuffer x, ReduceOp op) {
        cl_kernel k = kernel(op == ReduceOp.SUM ? "reduce_sum" : "reduce_max");
        int local = Integer.highestOneBit(Math.min(256, workGroupLimit(k)));
        int groups = Math.min(REDUCE_GROUPS, (x.length() + local - 1) / local);
        if (partials == null) {
            partials = call("allocate the reduction's partials", () -> CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE,
                    (long) REDUCE_GROUPS * Sizeof.cl_float, null, null));
            result = call("allocate the reduction's result", () -> CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE,
                    Sizeof.cl_float, null, null));
        }
        stage(k, mem(x), x.length(), partials, groups, local);
        stage(k, partials, groups, result, 1, local);
        float[] value = new float[1];
        long start = System.nanoTime();
        call("read the reduction's result", () -> CL.clEnqueueReadBuffer(queue, result, CL.CL_TRUE, 0, Sizeof.cl_float,
                Pointer.to(value), 0, null, null));
        addTransferNanos(System.nanoTime() - start);
        return value[0];
    }

    @Override
    protected void runFibBatch(DeviceBuffer n, DeviceBuffer out) {
        cl_kernel k = kernel("fib_batch");
        args(k, mem(n), mem(out), n.length());
        run1d(k, n.length());
    }

    @Override
    protected void release() {
        kernels.values().forEach(CL::clReleaseKernel);
        elementwisePrograms.values().forEach(CL::clReleaseProgram);
        for (cl_mem mem : new cl_mem[] {partials, result}) {
            if (mem != null) {
                CL.clReleaseMemObject(mem);
            }
        }
        CL.clReleaseProgram(catalog);
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }

    private void stage(cl_kernel k, cl_mem in, int n, cl_mem out, int groups, int local) {
        call("set arguments", () -> {
            CL.clSetKernelArg(k, 0, Sizeof.cl_mem, Pointer.to(in));
            CL.clSetKernelArg(k, 1, Sizeof.cl_int, Pointer.to(new int[] {n}));
            CL.clSetKernelArg(k, 2, Sizeof.cl_mem, Pointer.to(out));
            return CL.clSetKernelArg(k, 3, (long) local * Sizeof.cl_float, null);
        });
        enqueue(k, new long[] {(long) groups * local}, new long[] {local});
    }

    private void run1d(cl_kernel k, int n) {
        int local = Math.min(LOCAL, workGroupLimit(k));
        enqueue(k, new long[] {roundUp(n, local)}, new long[] {local});
    }

    private void run2d(cl_kernel k, int width, int height, int edge) {
        enqueue(k, new long[] {roundUp(width, edge), roundUp(height, edge)}, new long[] {edge, edge});
    }

    private void enqueue(cl_kernel k, long[] global, long[] local) {
        call("run a kernel", () -> {
            CL.clEnqueueNDRangeKernel(queue, k, global.length, null, global, local, 0, null, null);
            return CL.clFinish(queue);
        });
    }

    int workGroupLimit(cl_kernel k) {
        long[] size = new long[1];
        CL.clGetKernelWorkGroupInfo(k, id, CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null);
        return (int) Math.min(Integer.MAX_VALUE, size[0]);
    }

    private static long roundUp(int n, int multiple) {
        return ((long) n + multiple - 1) / multiple * multiple;
    }

    private cl_kernel kernel(String name) {
        return kernels.computeIfAbsent(name, n -> call("create kernel " + n, () -> CL.clCreateKernel(catalog, n, null)));
    }

    private cl_kernel elementwiseKernel(Elementwise e) {
        if (e.type() == ElementType.DOUBLE && !fp64) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "device " + info().name() + " lacks cl_khr_fp64: "
                    + "expected float for \"" + e.source() + "\"");
        }
        String key = "elementwise " + e;
        cl_kernel cached = kernels.get(key);
        if (cached != null) {
            return cached;
        }
        cl_program program = build(e.openclSource("elementwise"), "\"" + e.source() + "\"");
        elementwisePrograms.put(key, program);
        cl_kernel k = call("create the element-wise kernel", () -> CL.clCreateKernel(program, "elementwise", null));
        kernels.put(key, k);
        return k;
    }

    private cl_program build(String source, String what) {
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            CL.clBuildProgram(program, 0, null, "-cl-std=CL1.2", null, null);
        } catch (CLException e) {
            String log = buildLog(program, id);
            CL.clReleaseProgram(program);
            throw new RanksException(ErrorClass.INTERNAL, -1, "building " + what + " for " + info().name() + " failed: "
                    + log, e);
        }
        return program;
    }

    /** The build log of a program for a device, stripped; empty when the compiler said nothing. */
    static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] log = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
        return new String(log, StandardCharsets.UTF_8).replace("\0", "").strip();
    }

    private static String catalogSource() {
        try (InputStream in = OpenClDevice.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is missing from the gpu jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void args(cl_kernel k, Object... values) {
        call("set kernel arguments", () -> {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof cl_mem mem) {
                    CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(mem));
                } else if (v instanceof Integer n) {
                    CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {n}));
                } else {
                    CL.clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {(Float) v}));
                }
            }
            return 0;
        });
    }

    private static cl_mem mem(DeviceBuffer buffer) {
        return ((OpenClBuffer) buffer).mem();
    }

    /** Runs an OpenCL call, turning the binding's exception into the project's, with the error's name. */
    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (CLException e) {
            throw translate(what, e);
        }
    }

    /** The project's exception for an OpenCL error: out of memory or resources is UNAVAILABLE, the rest INTERNAL. */
    static RanksException translate(String what, CLException e) {
        return new RanksException(e.getStatus() == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE
                || e.getStatus() == CL.CL_OUT_OF_RESOURCES ? ErrorClass.UNAVAILABLE : ErrorClass.INTERNAL, -1,
                "opencl: " + what + " failed: " + CL.stringFor_errorCode(e.getStatus()), e);
    }
}
