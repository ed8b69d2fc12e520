package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * A zero-copy host buffer's memory, mapped for the host (PyOpenCL's {@code map_to_host}): the views
 * read and write the very memory the device's kernels use, so data produced or consumed here is never
 * copied. While mapped the buffer cannot be copied or handed to a kernel; {@link #close()} unmaps it,
 * after which the views must not be used.
 */
public final class HostMapping implements AutoCloseable {
    private final DeviceBuffer buffer;
    private final ByteBuffer memory;
    private boolean closed;

    HostMapping(DeviceBuffer buffer, ByteBuffer memory) {
        this.buffer = buffer;
        this.memory = memory;
    }

    /**
     * The mapped buffer.
     *
     * @return the buffer whose memory this is
     */
    public DeviceBuffer buffer() {
        return buffer;
    }

    /**
     * The memory as floats, position 0, limit the buffer's length.
     *
     * @return a view of the mapping
     * @throws RanksException ({@code ARG}) when the buffer does not hold floats or the mapping is closed
     */
    public FloatBuffer floats() {
        return view(ElementType.FLOAT).asFloatBuffer();
    }

    /**
     * The memory as doubles, position 0, limit the buffer's length.
     *
     * @return a view of the mapping
     * @throws RanksException ({@code ARG}) when the buffer does not hold doubles or the mapping is closed
     */
    public DoubleBuffer doubles() {
        return view(ElementType.DOUBLE).asDoubleBuffer();
    }

    /**
     * The memory as longs, position 0, limit the buffer's length.
     *
     * @return a view of the mapping
     * @throws RanksException ({@code ARG}) when the buffer does not hold longs or the mapping is closed
     */
    public LongBuffer longs() {
        return view(ElementType.LONG).asLongBuffer();
    }

    /**
     * The memory as ints, position 0, limit the buffer's length.
     *
     * @return a view of the mapping
     * @throws RanksException ({@code ARG}) when the buffer does not hold ints or the mapping is closed
     */
    public IntBuffer ints() {
        return view(ElementType.INT).asIntBuffer();
    }

    /** Unmaps the memory, handing it back to the device's kernels. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            buffer.unmapped(memory);
        }
    }

    private ByteBuffer view(ElementType type) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the mapping of " + buffer + " is closed: expected an open one");
        }
        if (buffer.type() != type) {
            throw new RanksException(ErrorClass.ARG, "mapping of " + buffer + " read as " + type.javaName()
                    + ": expected " + buffer.type().javaName());
        }
        return memory.duplicate().order(memory.order());
    }
}
