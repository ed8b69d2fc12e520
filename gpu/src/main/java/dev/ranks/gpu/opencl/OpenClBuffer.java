package dev.ranks.gpu.opencl;

import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/** A {@code cl_mem} of the device's context; an empty buffer has none (OpenCL refuses zero bytes). */
final class OpenClBuffer extends DeviceBuffer {
    private final OpenClDevice device;
    private final cl_mem mem;

    OpenClBuffer(OpenClDevice device, ElementType type, int length, cl_mem mem) {
        super(device, type, length);
        this.device = device;
        this.mem = mem;
    }

    cl_mem mem() {
        return mem;
    }

    @Override
    protected void write(Object host) {
        OpenClDevice.call("copy in " + this, () -> CL.clEnqueueWriteBuffer(device.queue(), mem, CL.CL_TRUE, 0, bytes(),
                pointer(host), 0, null, null));
    }

    @Override
    protected void read(Object host) {
        OpenClDevice.call("copy out " + this, () -> CL.clEnqueueReadBuffer(device.queue(), mem, CL.CL_TRUE, 0, bytes(),
                pointer(host), 0, null, null));
    }

    @Override
    protected void release() {
        if (mem != null) {
            CL.clReleaseMemObject(mem);
        }
    }

    private long bytes() {
        return (long) length() * type().bytes();
    }

    private static Pointer pointer(Object host) {
        if (host instanceof float[] f) {
            return Pointer.to(f);
        }
        if (host instanceof double[] d) {
            return Pointer.to(d);
        }
        return Pointer.to((long[]) host);
    }
}
