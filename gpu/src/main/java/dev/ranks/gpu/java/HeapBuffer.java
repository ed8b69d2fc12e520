package dev.ranks.gpu.java;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;

/** A Java "device" buffer: a heap array, filled and read by copies as a device's would be. */
final class HeapBuffer extends DeviceBuffer {
    private Object array;

    HeapBuffer(Device device, ElementType type, int length) {
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
