package dev.ranks.gpu.opencl;

import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/**
 * A {@code cl_mem} of the device's context; an empty buffer has none (OpenCL refuses zero bytes). A
 * host buffer ({@code CL_MEM_ALLOC_HOST_PTR}) is copied through a map: on a CPU device the mapped
 * pointer is the memory the kernels use, so {@link #map()} hands the host that memory itself.
 */
final class OpenClBuffer extends DeviceBuffer {
    private final OpenClDevice device;
    private final cl_mem mem;
    private final boolean hostMemory;

    OpenClBuffer(OpenClDevice device, ElementType type, int length, cl_mem mem, boolean host) {
        super(device, type, length);
        this.device = device;
        this.mem = mem;
        this.hostMemory = host;
    }

    cl_mem mem() {
        return mem;
    }

    @Override
    public boolean zeroCopy() {
        return hostMemory;
    }

    @Override
    protected void write(Object host) {
        if (hostMemory) {
            ByteBuffer mapped = map(CL.CL_MAP_WRITE_INVALIDATE_REGION, "copy in ");
            switch (type()) {
                case FLOAT -> mapped.asFloatBuffer().put((float[]) host);
                case DOUBLE -> mapped.asDoubleBuffer().put((double[]) host);
                case LONG -> mapped.asLongBuffer().put((long[]) host);
                case INT -> mapped.asIntBuffer().put((int[]) host);
            }
            unmap(mapped, "copy in ");
            return;
        }
        OpenClDevice.call("copy in " + this, () -> CL.clEnqueueWriteBuffer(device.queue(), mem, CL.CL_TRUE, 0, bytes(),
                pointer(host), 0, null, null));
    }

    @Override
    protected void read(Object host) {
        if (hostMemory) {
            ByteBuffer mapped = map(CL.CL_MAP_READ, "copy out ");
            switch (type()) {
                case FLOAT -> mapped.asFloatBuffer().get((float[]) host);
                case DOUBLE -> mapped.asDoubleBuffer().get((double[]) host);
                case LONG -> mapped.asLongBuffer().get((long[]) host);
                case INT -> mapped.asIntBuffer().get((int[]) host);
            }
            unmap(mapped, "copy out ");
            return;
        }
        OpenClDevice.call("copy out " + this, () -> CL.clEnqueueReadBuffer(device.queue(), mem, CL.CL_TRUE, 0, bytes(),
                pointer(host), 0, null, null));
    }

    @Override
    protected ByteBuffer mapHost() {
        return map(CL.CL_MAP_READ | CL.CL_MAP_WRITE, "map ");
    }

    @Override
    protected void unmapHost(ByteBuffer memory) {
        unmap(memory, "unmap ");
    }

    @Override
    protected void release() {
        if (mem != null) {
            CL.clReleaseMemObject(mem);
        }
    }

    // Native order makes the typed views' bulk get and put plain memory copies.
    private ByteBuffer map(long flags, String what) {
        return OpenClDevice.call(what + this, () -> CL.clEnqueueMapBuffer(device.queue(), mem, true, flags, 0, bytes(),
                0, null, null, null)).order(ByteOrder.nativeOrder());
    }

    private void unmap(ByteBuffer mapped, String what) {
        OpenClDevice.call(what + this, () -> {
            CL.clEnqueueUnmapMemObject(device.queue(), mem, mapped, 0, null, null);
            return CL.clFinish(device.queue());
        });
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
