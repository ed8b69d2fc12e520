package dev.ranks.mpi;

import dev.ranks.comm.ElementType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * The rank thread's native staging buffer, written and read from Java through direct buffers.
 *
 * <p>Every small blocking message or reduction that does not go through the FFM binding is copied
 * here by Java, and the shim's call that sends, receives or reduces it takes only numbers: no array arguments and no
 * calls back into the JVM to copy ({@code Get<Type>ArrayRegion}, {@code Set<Type>ArrayRegion},
 * {@code SetIntArrayRegion} for the status), each of which is a transition into the VM and back.
 * Measured on Open MPI, 8 B one-way: see docs/mpi.md.
 *
 * <p>The buffer holds {@code dataBytes} bytes (a message's 16-byte header and its elements, or a
 * reduction's input and output) followed by a receive's status as {@link MpiNative#STATUS} ints.
 * The endpoint keeps one for its own thread; another thread (at MPI_THREAD_MULTIPLE) gets one for
 * the call.
 */
final class Staging {
    private final long address;
    private final int statusAt;
    private final ByteBuffer bytes;
    private final ShortBuffer shorts;
    private final IntBuffer ints;
    private final LongBuffer longs;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final CharBuffer chars;

    /** @param dataBytes the room for data before the status, a multiple of 8 */
    Staging(int dataBytes) {
        if (dataBytes % Long.BYTES != 0) {
            throw new IllegalArgumentException("staging of " + dataBytes + " bytes: expected a multiple of 8");
        }
        int total = dataBytes + MpiNative.STATUS * Integer.BYTES;
        this.address = MpiNative.allocate(total);
        this.statusAt = dataBytes;
        this.bytes = MpiNative.wrap(address, total).order(ByteOrder.nativeOrder());
        this.shorts = bytes.asShortBuffer();
        this.ints = bytes.asIntBuffer();
        this.longs = bytes.asLongBuffer();
        this.floats = bytes.asFloatBuffer();
        this.doubles = bytes.asDoubleBuffer();
        this.chars = bytes.asCharBuffer();
    }

    /** @return the native address of the buffer's first byte */
    long address() {
        return address;
    }

    /** @return the byte offset of a receive's status, which {@link #status(int[])} reads */
    int statusAt() {
        return statusAt;
    }

    /** Writes a message header at the start: kind, element type and count, as ranks_mpi.c reads it. */
    void putHeader(int kind, int type, long count) {
        bytes.putInt(0, kind);
        bytes.putInt(Integer.BYTES, type);
        bytes.putLong(Long.BYTES, count);
    }

    /**
     * Copies count elements of a primitive array into the buffer (booleans as bytes 1 and 0, as
     * JNI and MPI's logical operations see them).
     *
     * @param at the byte offset in the buffer, a multiple of 8
     */
    void put(int at, ElementType type, Object array, int offset, int count) {
        switch (type) {
            case BYTE -> bytes.put(at, (byte[]) array, offset, count);
            case SHORT -> shorts.put(at / Short.BYTES, (short[]) array, offset, count);
            case INT -> ints.put(at / Integer.BYTES, (int[]) array, offset, count);
            case LONG -> longs.put(at / Long.BYTES, (long[]) array, offset, count);
            case FLOAT -> floats.put(at / Float.BYTES, (float[]) array, offset, count);
            case DOUBLE -> doubles.put(at / Double.BYTES, (double[]) array, offset, count);
            case CHAR -> chars.put(at / Character.BYTES, (char[]) array, offset, count);
            case BOOLEAN -> {
                boolean[] b = (boolean[]) array;
                for (int i = 0; i < count; i++) {
                    bytes.put(at + i, (byte) (b[offset + i] ? 1 : 0));
                }
            }
            default -> throw new IllegalArgumentException("staging holds no " + type + " elements");
        }
    }

    /**
     * Copies count elements from the buffer into a primitive array (a boolean is any byte but 0).
     *
     * @param at the byte offset in the buffer, a multiple of 8
     */
    void get(int at, ElementType type, Object array, int offset, int count) {
        switch (type) {
            case BYTE -> bytes.get(at, (byte[]) array, offset, count);
            case SHORT -> shorts.get(at / Short.BYTES, (short[]) array, offset, count);
            case INT -> ints.get(at / Integer.BYTES, (int[]) array, offset, count);
            case LONG -> longs.get(at / Long.BYTES, (long[]) array, offset, count);
            case FLOAT -> floats.get(at / Float.BYTES, (float[]) array, offset, count);
            case DOUBLE -> doubles.get(at / Double.BYTES, (double[]) array, offset, count);
            case CHAR -> chars.get(at / Character.BYTES, (char[]) array, offset, count);
            case BOOLEAN -> {
                boolean[] b = (boolean[]) array;
                for (int i = 0; i < count; i++) {
                    b[offset + i] = bytes.get(at + i) != 0;
                }
            }
            default -> throw new IllegalArgumentException("staging holds no " + type + " elements");
        }
    }

    /** Reads the status the last staged receive left behind the data into st. */
    void status(int[] st) {
        ints.get(statusAt / Integer.BYTES, st, 0, MpiNative.STATUS);
    }

    /** Frees the native memory; the buffer must not be used after. */
    void free() {
        MpiNative.release(address);
    }
}
