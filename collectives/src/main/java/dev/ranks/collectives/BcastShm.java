package dev.ranks.collectives;

/**
 * Broadcast through the communicator's shared memory. Short messages: the root copies the data
 * into its slot, or beside its flag up to {@link ShmArea#INLINE} elements, raises its ARRIVED
 * flag, and returns at once (inline data lets it run several calls ahead); every other rank waits
 * for that flag, copies the data, and raises its own. Long messages ({@link #LEND_BYTES} or more): the
 * root lends its own buffer instead of copying it, and waits until every rank has copied from it.
 * With 7 ranks and root 2, ranks 0, 1, 3…6 each copy once from rank 2's slot, at the same time.
 * See {@link ShmArea}.
 */
final class BcastShm {
    /**
     * From this many bytes the root lends its buffer: one copy instead of two, at the price of the
     * root waiting for the slowest reader. Below it the second copy costs less than that wait
     * would; 64 KiB is where Open MPI's vader BTL stops copying eagerly too (a starting point, not
     * measured apart: the 2-core machine's noise hid the difference).
     */
    static final long LEND_BYTES = 64 * 1024;

    private BcastShm() {
    }

    static void run(ShmArea.Member m, Buf buf, int offset, int count, int root) {
        long g = m.next();
        boolean lend = (long) count * buf.elementBytes() >= LEND_BYTES;
        if (m.rank() == root) {
            if (lend) {
                m.lend(buf, offset);
                m.publish(ShmArea.ARRIVED, g);
                m.awaitAll(ShmArea.ARRIVED, g, "bcast");
                m.lend(null, 0);
                return;
            }
            if (count <= ShmArea.INLINE) {
                m.awaitInlineFree(g, "bcast");
                m.writeInline(g, buf, offset, count);
            } else {
                m.awaitSlotFree(g, "bcast");
                buf.copyTo(offset, m.ownSlot(g, buf, count), 0, count);
            }
            m.publish(ShmArea.ARRIVED, g);
            return;
        }
        m.awaitOne(ShmArea.ARRIVED, root, g, "bcast");
        ShmArea.Member from = m.area().member(root);
        if (count <= ShmArea.INLINE) {
            m.readInline(root, g, buf, offset, count);
        } else if (lend) {
            from.lent().copyTo(from.lentOffset(), buf, offset, count);
        } else {
            from.slot(g, buf).copyTo(0, buf, offset, count);
        }
        m.publish(ShmArea.ARRIVED, g);
    }
}
