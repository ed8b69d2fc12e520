package dev.ranks.gpu.spi;

import dev.ranks.gpu.Device;
import dev.ranks.gpu.DeviceBuffer;
import dev.ranks.gpu.ElementType;

/**
 * A buffer held in a Java array, filled and read by copies as a device's would be: the Java backend's
 * memory, and Aparapi's, whose device copies belong to the kernels that use the array (Aparapi ties
 * device memory to a kernel object, so its kernel calls put their inputs, get their outputs, and count
 * that as transfer time).
 */
public final class ArrayBuffer extends DeviceBuffer {
    private Object array;

    /**
     * Allocates the array.
     *
     * @param device the device owning the buffer
     * @param type the element type
     * @param length the number of elements
     */
    public ArrayBuffer(Device device, ElementType type, int length) {
        super(device, type, length);
        array = switch (type) {
            case FLOAT -> new float[length];
            case DOUBLE -> new double[length];
            case LONG -> new long[length];
            case INT -> new int[length];
        };
    }

    /**
     * The array a buffer of the device's own holds; the device checks ownership before it asks.
     *
     * @param buffer a buffer allocated by a device that makes ArrayBuffers
     * @return its {@code float[]}, {@code double[]}, {@code long[]} or {@code int[]}
     */
    public static Object array(DeviceBuffer buffer) {
        return ((ArrayBuffer) buffer).array;
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
