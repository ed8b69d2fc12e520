package dev.ranks.gpu.cuda;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.KernelBuildException;
import dev.ranks.gpu.KernelProgram;
import dev.ranks.gpu.KernelSource;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.ReduceOp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUjit_option;
import jcuda.driver.CUmodule;
import jcuda.driver.JITOptions;
import jcuda.driver.JCudaDriver;

/**
 * A CUDA device: the device's primary context (shared by every rank thread of this JVM that uses the
 * device, made current at each call), the catalog module, element-wise modules compiled by NVRTC on first
 * use, and users' modules ({@link CudaProgram}). Every call ends with {@code cuCtxSynchronize}.
 */
final class CudaDevice extends Device {
    private static final int BLOCK = 256;
    private static final int TILE = 16;
    /** The edge of the block of C a block of {@code matmul_blocked} computes; must match BLOCK in kernels.cu. */
    private static final int BLOCKED_EDGE = 64;
    private static final int REDUCE_GROUPS = 1024;
    /** The room for the JIT's error log when a module's PTX is refused. */
    private static final int JIT_LOG_BYTES = 16384;

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule catalog = new CUmodule();
    private final String architecture;
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final Map<String, CUmodule> elementwiseModules = new HashMap<>();
    private CUdeviceptr partials;
    private CUdeviceptr result;

    CudaDevice(DeviceInfo info, int ordinal, CudaBackend.Catalog source) {
        super(info);
        JCudaDriver.cuDeviceGet(device, ordinal);
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        JCudaDriver.cuCtxSetCurrent(context);
        int[] value = new int[1];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        int major = value[0];
        JCudaDriver.cuDeviceGetAttribute(value, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        architecture = "compute_" + major + value[0];
        String ptx = source.ptx() ? source.text() : nvrtc(source.text(), "kernels.cu");
        JCudaDriver.cuModuleLoadData(catalog, ptx);
    }

    void current() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    int attribute(int attribute) {
        int[] value = new int[1];
        call("read a device attribute", () -> JCudaDriver.cuDeviceGetAttribute(value, attribute, device));
        return value[0];
    }

    @Override
    protected KernelProgram compileProgram(KernelSource source, String options) {
        if (!CudaBackend.nvrtcAvailable()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "buildProgram " + source.name() + ": cuda compiles CUDA C"
                    + " with NVRTC (libnvrtc), which is not installed: expected it installed, or PTX from nvcc --ptx for"
                    + " loadPtx");
        }
        List<String> all = new ArrayList<>(options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")));
        if (all.stream().noneMatch(o -> o.startsWith("-arch") || o.startsWith("--gpu-architecture"))) {
            all.add("--gpu-architecture=" + architecture);
        }
        Nvrtc.Compiled compiled;
        try {
            compiled = Nvrtc.compile(source.text(), source.name(), all.toArray(String[]::new));
        } catch (Nvrtc.Failure e) {
            throw new KernelBuildException(CudaBackend.NAME, info().name(), source, "compiling (NVRTC, " + String.join(" ",
                    all) + ")", e.getMessage(), e.log, e);
        }
        return load(source, compiled.ptx(), compiled.log());
    }

    @Override
    protected KernelProgram loadPtxProgram(KernelSource ptx) {
        return load(ptx, ptx.text(), "");
    }

    // cuModuleLoadData with the JIT's error log kept, for a KernelBuildException.
    private KernelProgram load(KernelSource source, String ptx, String log) {
        current();
        CUmodule module = new CUmodule();
        JITOptions jit = new JITOptions();
        jit.putBytes(CUjit_option.CU_JIT_ERROR_LOG_BUFFER, new byte[JIT_LOG_BYTES]);
        jit.putInt(CUjit_option.CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, JIT_LOG_BYTES);
        try {
            JCudaDriver.cuModuleLoadDataJIT(module, Pointer.to((ptx + "\0").getBytes(StandardCharsets.UTF_8)), jit);
        } catch (CudaException e) {
            String errors = jit.getString(CUjit_option.CU_JIT_ERROR_LOG_BUFFER);
            throw new KernelBuildException(CudaBackend.NAME, info().name(), source, "loading the PTX of", e.getMessage(),
                    errors == null ? "" : errors.replace("\0", "").strip(), e);
        }
        return new CudaProgram(this, source.name(), module, Ptx.entries(ptx), log);
    }

    @Override
    protected DeviceBuffer newBuffer(ElementType type, int length, boolean host) {
        current();
        CUdeviceptr ptr = null;
        if (length > 0) {
            CUdeviceptr allocated = new CUdeviceptr();
            call("allocate " + length + " " + type.javaName() + "s",
                    () -> JCudaDriver.cuMemAlloc(allocated, (long) length * type.bytes()));
            ptr = allocated;
        }
        return new CudaBuffer(this, type, length, ptr);
    }

    @Override
    protected void runVecAdd(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        launch1d("vec_add", a.length(), ptr(a), ptr(b), ptr(c), a.length());
    }

    @Override
    protected void runSaxpy(float alpha, DeviceBuffer x, DeviceBuffer y) {
        launch1d("saxpy", x.length(), alpha, ptr(x), ptr(y), x.length());
    }

    @Override
    protected void runElementwise(Elementwise kernel, DeviceBuffer out, DeviceBuffer[] inputs) {
        current();
        String key = kernel.toString();
        CUfunction function = functions.get("elementwise " + key);
        if (function == null) {
            if (!CudaBackend.nvrtcAvailable()) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "elementwise \"" + kernel.source() + "\" on cuda needs"
                        + " NVRTC (libnvrtc) to compile it, and it is not installed");
            }
            CUmodule module = new CUmodule();
            String ptx = nvrtc(kernel.cudaSource("elementwise"), "elementwise.cu");
            call("load the element-wise module", () -> JCudaDriver.cuModuleLoadData(module, ptx));
            elementwiseModules.put(key, module);
            CUfunction created = new CUfunction();
            call("find the element-wise kernel", () -> JCudaDriver.cuModuleGetFunction(created, module, "elementwise"));
            functions.put("elementwise " + key, created);
            function = created;
        }
        Object[] args = new Object[inputs.length + 2];
        args[0] = ptr(out);
        for (int i = 0; i < inputs.length; i++) {
            args[i + 1] = ptr(inputs[i]);
        }
        args[args.length - 1] = out.length();
        launch(function, blocks(out.length(), BLOCK), 1, BLOCK, 1, 0, args);
    }

    @Override
    protected void runDoubleMatrix(DeviceBuffer matrix, int rows, int cols) {
        launch(function("double_matrix"), blocks(cols, TILE), blocks(rows, TILE), TILE, TILE, 0, ptr(matrix), rows, cols);
    }

    @Override
    protected void runMatmul(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, int n, int k, int m,
            MatmulVariant variant) {
        // The blocked kernel's 16x16 block computes a BLOCKED_EDGE x BLOCKED_EDGE block of C.
        int edge = variant == MatmulVariant.BLOCKED ? BLOCKED_EDGE : TILE;
        launch(function("matmul_" + variant.name().toLowerCase(Locale.ROOT)), blocks(m, edge), blocks(n, edge), TILE,
                TILE, 0, ptr(a), ptr(b), ptr(c), n, k, m);
    }

    @Override
    protected double runReduce(DeviceBuffer x, ReduceOp op) {
        current();
        if (partials == null) {
            partials = new CUdeviceptr();
            result = new CUdeviceptr();
            call("allocate the reduction's partials", () -> JCudaDriver.cuMemAlloc(partials,
                    (long) REDUCE_GROUPS * Sizeof.FLOAT));
            call("allocate the reduction's result", () -> JCudaDriver.cuMemAlloc(result, Sizeof.FLOAT));
        }
        CUfunction f = function(op == ReduceOp.SUM ? "reduce_sum" : "reduce_max");
        int groups = Math.min(REDUCE_GROUPS, blocks(x.length(), BLOCK));
        launch(f, groups, 1, BLOCK, 1, BLOCK * Sizeof.FLOAT, ptr(x), x.length(), partials);
        launch(f, 1, 1, BLOCK, 1, BLOCK * Sizeof.FLOAT, partials, groups, result);
        float[] value = new float[1];
        long start = System.nanoTime();
        call("read the reduction's result", () -> JCudaDriver.cuMemcpyDtoH(Pointer.to(value), result, Sizeof.FLOAT));
        addTransferNanos(System.nanoTime() - start);
        return value[0];
    }

    @Override
    protected void runFibBatch(DeviceBuffer n, DeviceBuffer out) {
        launch1d("fib_batch", n.length(), ptr(n), ptr(out), n.length());
    }

    @Override
    protected void release() {
        current();
        for (CUdeviceptr ptr : new CUdeviceptr[] {partials, result}) {
            if (ptr != null) {
                JCudaDriver.cuMemFree(ptr);
            }
        }
        elementwiseModules.values().forEach(JCudaDriver::cuModuleUnload);
        JCudaDriver.cuModuleUnload(catalog);
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }

    private void launch1d(String name, int n, Object... args) {
        launch(function(name), blocks(n, BLOCK), 1, BLOCK, 1, 0, args);
    }

    private void launch(CUfunction f, int gridX, int gridY, int blockX, int blockY, int sharedBytes, Object... args) {
        current();
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof CUdeviceptr p) {
                params[i] = Pointer.to(p);
            } else if (a instanceof Integer v) {
                params[i] = Pointer.to(new int[] {v});
            } else {
                params[i] = Pointer.to(new float[] {(Float) a});
            }
        }
        call("run a kernel", () -> {
            JCudaDriver.cuLaunchKernel(f, gridX, gridY, 1, blockX, blockY, 1, sharedBytes, null, Pointer.to(params), null);
            return JCudaDriver.cuCtxSynchronize();
        });
    }

    private CUfunction function(String name) {
        current();
        return functions.computeIfAbsent(name, n -> {
            CUfunction f = new CUfunction();
            call("find kernel " + n, () -> JCudaDriver.cuModuleGetFunction(f, catalog, n));
            return f;
        });
    }

    private String nvrtc(String source, String name) {
        try {
            return Nvrtc.compile(source, name, new String[] {"--gpu-architecture=" + architecture}).ptx();
        } catch (Nvrtc.Failure e) {
            throw new RanksException(ErrorClass.INTERNAL, -1, "NVRTC could not compile " + name + " for " + architecture
                    + ": " + e.log, e);
        }
    }

    private static int blocks(int n, int size) {
        return (n + size - 1) / size;
    }

    private static CUdeviceptr ptr(DeviceBuffer buffer) {
        return ((CudaBuffer) buffer).ptr();
    }

    /** Runs a driver call, turning JCuda's exception into the project's. */
    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (CudaException e) {
            throw new RanksException(String.valueOf(e.getMessage()).contains("OUT_OF_MEMORY") ? ErrorClass.UNAVAILABLE
                    : ErrorClass.INTERNAL, -1, "cuda: " + what + " failed: " + e.getMessage(), e);
        }
    }
}
