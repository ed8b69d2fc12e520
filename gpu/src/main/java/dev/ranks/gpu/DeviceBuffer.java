package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A buffer in a device's memory (PyCUDA's {@code mem_alloc}): allocated by
 * {@link Device#allocate(ElementType, int)}, filled with {@link #copyIn(Object)}, handed to kernels,
 * read back with {@link #copyOut(Object)}, and reused across kernel calls until {@link #close()}d.
 * Copies are synchronous, and their time counts in {@link Device#transferNanos()}.
 */
public abstract class DeviceBuffer implements AutoCloseable {
    private final Device device;
    private final ElementType type;
    private final int length;
    private boolean closed;
    private HostMapping mapping;

    /**
     * Creates the buffer's bookkeeping; the backend's subclass holds the memory.
     *
     * @param device the device owning the memory
     * @param type the element type
     * @param length the number of elements
     */
    protected DeviceBuffer(Device device, ElementType type, int length) {
        this.device = device;
        this.type = type;
        this.length = length;
    }

    /**
     * The device this buffer lives on.
     *
     * @return its device
     */
    public final Device device() {
        return device;
    }

    /**
     * The element type.
     *
     * @return what the buffer holds
     */
    public final ElementType type() {
        return type;
    }

    /**
     * The number of elements.
     *
     * @return the length
     */
    public final int length() {
        return length;
    }

    /**
     * Whether the buffer is zero-copy host memory ({@link BufferMemory#HOST}, or {@link BufferMemory#AUTO}
     * on a device that computes in host memory), which {@link #map()} can hand to the host.
     *
     * @return false here; backends with host buffers override it
     */
    public boolean zeroCopy() {
        return false;
    }

    /**
     * Maps a zero-copy host buffer for the host: write the input straight into the device's memory, or
     * read a kernel's output in place, with no copy. The map's time counts in {@link Device#transferNanos()}.
     *
     * @return the mapping, to be closed before the next copy or kernel call on this buffer
     * @throws RanksException ({@code ARG}) when the buffer is not {@link #zeroCopy()}, is empty, closed,
     *     or mapped already
     */
    public final HostMapping map() {
        ensureOpen("map");
        if (!zeroCopy() || length == 0) {
            throw new RanksException(ErrorClass.ARG, "map: " + this + " is " + (length == 0 ? "empty" : "in device memory")
                    + ": expected a non-empty buffer allocated with BufferMemory.HOST, or AUTO on a CPU device");
        }
        long start = System.nanoTime();
        mapping = new HostMapping(this, mapHost().order(ByteOrder.nativeOrder()));
        device.addTransferNanos(System.nanoTime() - start);
        return mapping;
    }

    /**
     * Copies a host array into the buffer (host to device).
     *
     * @param host a {@code float[]}, {@code double[]}, {@code long[]} or {@code int[]} of this buffer's
     *     type and length
     * @throws RanksException ({@code ARG}) when the array's type or length differ, or the buffer is closed
     */
    public final void copyIn(Object host) {
        check(host, "copyIn");
        long start = System.nanoTime();
        if (length > 0) {
            write(host);
        }
        device.addTransferNanos(System.nanoTime() - start);
    }

    /**
     * Copies the buffer into a host array (device to host), after every kernel call before it has finished.
     *
     * @param host a {@code float[]}, {@code double[]}, {@code long[]} or {@code int[]} of this buffer's
     *     type and length
     * @throws RanksException ({@code ARG}) when the array's type or length differ, or the buffer is closed
     */
    public final void copyOut(Object host) {
        check(host, "copyOut");
        long start = System.nanoTime();
        if (length > 0) {
            read(host);
        }
        device.addTransferNanos(System.nanoTime() - start);
    }

    /**
     * Releases the device memory; later use of the buffer is an error. Closing twice does nothing.
     */
    @Override
    public final void close() {
        if (!closed) {
            if (mapping != null) {
                mapping.close();
            }
            closed = true;
            release();
        }
    }

    /**
     * The buffer's size in memory.
     *
     * @return length times the element's size, in bytes
     */
    public final long bytes() {
        return (long) length * type.bytes();
    }

    /**
     * Whether {@link #close()} has run.
     *
     * @return true once closed
     */
    public final boolean closed() {
        return closed;
    }

    /**
     * Copies a host array of the right type and length into the device memory; called for non-empty buffers only.
     *
     * @param host the array, already checked
     */
    protected abstract void write(Object host);

    /**
     * Copies the device memory into a host array of the right type and length; called for non-empty buffers only.
     *
     * @param host the array, already checked
     */
    protected abstract void read(Object host);

    /** Releases the device memory; called once. */
    protected abstract void release();

    /**
     * Maps the whole of a non-empty zero-copy buffer for reading and writing by the host; called only
     * where {@link #zeroCopy()} is true, so backends without host buffers keep this refusal.
     *
     * @return the mapped memory
     */
    protected ByteBuffer mapHost() {
        throw new UnsupportedOperationException(this + " has no host mapping");
    }

    /**
     * Unmaps what {@link #mapHost()} returned, once the device may use the memory again.
     *
     * @param memory the mapped memory
     */
    protected void unmapHost(ByteBuffer memory) {
        throw new UnsupportedOperationException(this + " has no host mapping");
    }

    // The mapping's close: always before the buffer's release, which closes an open mapping first.
    void unmapped(ByteBuffer memory) {
        long start = System.nanoTime();
        mapping = null;
        unmapHost(memory);
        device.addTransferNanos(System.nanoTime() - start);
    }

    private void check(Object host, String what) {
        ensureOpen(what);
        ElementType hostType = ElementType.of(host);
        int hostLength = ElementType.lengthOf(host);
        if (hostType != type || hostLength != length) {
            throw new RanksException(ErrorClass.ARG, what + ": host array is " + hostType.javaName() + "["
                    + hostLength + "], expected " + type.javaName() + "[" + length + "] like the buffer");
        }
    }

    final void ensureOpen(String what) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, what + ": the " + type.javaName() + "[" + length
                    + "] buffer is closed");
        }
        if (mapping != null) {
            throw new RanksException(ErrorClass.ARG, what + ": " + this + " is mapped for the host: expected its"
                    + " HostMapping closed first");
        }
    }

    @Override
    public String toString() {
        return type.javaName() + "[" + length + "] on " + device.info().backend() + ":" + device.info().index();
    }
}
