package dev.ranks.gpu.cuda;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.Kernel;
import dev.ranks.gpu.KernelParameter;
import dev.ranks.gpu.LocalMemory;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.JCudaDriver;

/**
 * A kernel of a user's CUDA module. The driver API takes every argument at launch, so {@link #bind} keeps
 * a pointer per parameter, checked against the width the PTX gives it: a 64-bit parameter takes a buffer
 * or a {@code long}, a 32-bit one an {@code int}, {@code .f32} a {@code float}, {@code .f64} a
 * {@code double}.
 */
final class CudaKernel extends Kernel {
    /** The block the backend picks when a launch names no local size, at most. */
    private static final int DEFAULT_BLOCK = 256;

    private final CudaDevice device;
    private final CUfunction function;
    private final Pointer[] arguments;
    private long sharedBytes;

    CudaKernel(CudaProgram program, CudaDevice device, String name, CUfunction function, List<KernelParameter> parameters) {
        super(program, name, parameters);
        this.device = device;
        this.function = function;
        this.arguments = new Pointer[parameters.size()];
    }

    @Override
    protected void bind(int index, Object value) {
        String type = parameters().get(index).type();
        if (value instanceof LocalMemory) {
            throw new RanksException(ErrorClass.ARG, "localArg(" + index + ", …) of kernel '" + name() + "': CUDA kernels"
                    + " have no __local arguments: expected sharedMemory(bytes) for their extern __shared__ array");
        }
        boolean wide = type.equals(".u64") || type.equals(".s64") || type.equals(".b64");
        boolean word = type.equals(".u32") || type.equals(".s32") || type.equals(".b32");
        if (value instanceof DeviceBuffer buffer && wide) {
            CUdeviceptr ptr = ((CudaBuffer) buffer).ptr();
            arguments[index] = Pointer.to(ptr == null ? new CUdeviceptr() : ptr);
        } else if (value instanceof Long v && wide) {
            arguments[index] = Pointer.to(new long[] {v});
        } else if (value instanceof Integer v && word) {
            arguments[index] = Pointer.to(new int[] {v});
        } else if (value instanceof Float v && type.equals(".f32")) {
            arguments[index] = Pointer.to(new float[] {v});
        } else if (value instanceof Double v && type.equals(".f64")) {
            arguments[index] = Pointer.to(new double[] {v});
        } else {
            throw mismatch(index, value, wide ? "a buffer or a long" : word ? "an int" : type.equals(".f32") ? "a float"
                    : type.equals(".f64") ? "a double" : "a type Ranks passes (int, long, float, double, a buffer)");
        }
    }

    @Override
    protected void bindSharedMemory(long bytes) {
        long most = device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN);
        long fixed = functionAttribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
        if (bytes + fixed > most) {
            throw new RanksException(ErrorClass.ARG, "sharedMemory(" + bytes + ") of kernel '" + name() + "': with its "
                    + fixed + " bytes of static shared memory: expected at most " + (most - fixed) + " bytes, what "
                    + device.info().name() + " allows a block");
        }
        // Beyond the default 48 KiB a kernel must opt in.
        if (bytes > functionAttribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES)) {
            CudaDevice.call("allow " + bytes + " bytes of dynamic shared memory", () -> JCudaDriver.cuFuncSetAttribute(
                    function, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, (int) bytes));
        }
        sharedBytes = bytes;
    }

    @Override
    protected long workGroupLimit() {
        return functionAttribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
    }

    @Override
    protected long[] workItemLimits() {
        return new long[] {device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X),
            device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y),
            device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z)};
    }

    @Override
    protected void run(long[] globalSize, long[] localSize) {
        long[] block = localSize != null ? localSize : block(globalSize);
        int[] gridLimits = {device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X),
            device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y),
            device.attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z)};
        int[] grid = {1, 1, 1};
        int[] threads = {1, 1, 1};
        for (int d = 0; d < globalSize.length; d++) {
            long blocks = globalSize[d] / block[d];
            if (blocks > gridLimits[d]) {
                throw new RanksException(ErrorClass.ARG, "launch of kernel '" + name() + "': global size " + globalSize[d]
                        + " in dimension " + d + " is " + blocks + " blocks of " + block[d] + ": expected at most "
                        + gridLimits[d] + " blocks there, what " + device.info().name() + " allows");
            }
            grid[d] = (int) blocks;
            threads[d] = (int) block[d];
        }
        device.current();
        CudaDevice.call("launch kernel " + name(), () -> {
            JCudaDriver.cuLaunchKernel(function, grid[0], grid[1], grid[2], threads[0], threads[1], threads[2],
                    (int) sharedBytes, null, Pointer.to(arguments), null);
            return JCudaDriver.cuCtxSynchronize();
        });
    }

    @Override
    protected void release() {
        // A function belongs to its module, which the program unloads.
    }

    // The largest block up to DEFAULT_BLOCK threads whose size divides the global size in each dimension.
    private long[] block(long[] globalSize) {
        long budget = Math.min(DEFAULT_BLOCK, workGroupLimit());
        long[] limits = workItemLimits();
        long[] block = new long[globalSize.length];
        for (int d = 0; d < globalSize.length; d++) {
            long b = Math.min(Math.min(budget, limits[d]), globalSize[d]);
            while (globalSize[d] % b != 0) {
                b--;
            }
            block[d] = b;
            budget /= b;
        }
        return block;
    }

    private int functionAttribute(int attribute) {
        device.current();
        int[] value = new int[1];
        CudaDevice.call("read a kernel attribute", () -> JCudaDriver.cuFuncGetAttribute(value, attribute, function));
        return value[0];
    }
}
