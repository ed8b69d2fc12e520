package dev.ranks.mpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The native memory of one rank's non-blocking messages, kept for reuse: a fresh large buffer
 * costs a page fault per page on first touch, which made non-blocking 1 MiB transfers three times
 * slower than blocking ones. Freed buffers wait here, up to {@link #KEPT} of them and
 * {@link #KEPT_BYTES} in all; a request takes the smallest that fits.
 */
final class NativeBuffers {
    static final int KEPT = 16;
    static final long KEPT_BYTES = 256L << 20;

    /** Capacity of every buffer handed out and not yet given back, by address. */
    private final Map<Long, Long> lent = new HashMap<>();
    /** Free buffers as {address, capacity}. */
    private final List<long[]> free = new ArrayList<>();
    private long freeBytes;

    /**
     * @param bytes the room needed
     * @return the address of a native buffer of at least that many bytes
     */
    synchronized long acquire(long bytes) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            long capacity = free.get(i)[1];
            if (capacity >= bytes && (best < 0 || capacity < free.get(best)[1])) {
                best = i;
            }
        }
        if (best >= 0) {
            long[] b = free.remove(best);
            freeBytes -= b[1];
            lent.put(b[0], b[1]);
            return b[0];
        }
        long capacity = Math.max(bytes, 64);
        long address = MpiNative.allocate(capacity);
        lent.put(address, capacity);
        return address;
    }

    /**
     * Gives a buffer back: kept for reuse, or freed when enough are kept (the smallest kept go first).
     *
     * @param address an address {@link #acquire(long)} returned
     */
    synchronized void release(long address) {
        Long capacity = lent.remove(address);
        if (capacity == null) {
            throw new IllegalStateException("native buffer " + address + " was not lent");
        }
        free.add(new long[] {address, capacity});
        freeBytes += capacity;
        while (free.size() > KEPT || freeBytes > KEPT_BYTES) {
            int smallest = 0;
            for (int i = 1; i < free.size(); i++) {
                if (free.get(i)[1] < free.get(smallest)[1]) {
                    smallest = i;
                }
            }
            long[] b = free.remove(smallest);
            freeBytes -= b[1];
            MpiNative.release(b[0]);
        }
    }

    /** Frees every kept buffer; buffers still lent stay with their requests. */
    synchronized void close() {
        for (long[] b : free) {
            MpiNative.release(b[0]);
        }
        free.clear();
        freeBytes = 0;
    }
}
