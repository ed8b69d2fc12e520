package dev.ranks.gpu.aparapi;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;

/**
 * An Aparapi buffer: a host array whose device copies belong to the kernels that use it (Aparapi ties
 * device memory to a kernel object). Kernel calls put their inputs and get their outputs, and count
 * that as transfer time.
 */
final class AparapiBuffer extends DeviceBuffer {
    private Object array;

    AparapiBuffer(Device device, ElementType type, int length) {
        super(device, type, length);
        array = switch (type) {
            case FLOAT -> new float[length];
            case DOUBLE -> new double[length];
            case LONG -> new long[length];
        };
    }

    Object array() {
        return array;
    }

    @Override
    protected void write(Object host) {
        System.arraycopy(host, 0, array, 0, length());
    }

    @Override
    protected void read(Object host) {
        System.arraycopy(array, 0, host, 0, length());
    }

    @Override
    protected void release() {
        array = null;
    }
}
