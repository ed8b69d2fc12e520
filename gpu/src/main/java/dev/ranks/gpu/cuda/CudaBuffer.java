package dev.ranks.gpu.cuda;

import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/** Device memory from {@code cuMemAlloc}; an empty buffer has none. */
final class CudaBuffer extends DeviceBuffer {
    private final CudaDevice device;
    private final CUdeviceptr ptr;

    CudaBuffer(CudaDevice device, ElementType type, int length, CUdeviceptr ptr) {
        super(device, type, length);
        this.device = device;
        this.ptr = ptr;
    }

    CUdeviceptr ptr() {
        return ptr;
    }

    @Override
    protected void write(Object host) {
        device.current();
        CudaDevice.call("copy in " + this, () -> JCudaDriver.cuMemcpyHtoD(ptr, pointer(host), bytes()));
    }

    @Override
    protected void read(Object host) {
        device.current();
        CudaDevice.call("copy out " + this, () -> JCudaDriver.cuMemcpyDtoH(pointer(host), ptr, bytes()));
    }

    @Override
    protected void release() {
        if (ptr != null) {
            device.current();
            JCudaDriver.cuMemFree(ptr);
        }
    }

    private static Pointer pointer(Object host) {
        if (host instanceof float[] f) {
            return Pointer.to(f);
        }
        if (host instanceof double[] d) {
            return Pointer.to(d);
        }
        if (host instanceof int[] i) {
            return Pointer.to(i);
        }
        return Pointer.to((long[]) host);
    }
}
