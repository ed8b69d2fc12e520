package dev.ranks.collectives;

/**
 * Allreduce through the communicator's shared memory. Every rank copies its vector into its slot
 * (beside its flag, up to {@link ShmArea#INLINE} elements) and raises its ARRIVED flag; once all flags are up, every rank reads every slot. Short vectors:
 * each rank combines all of them itself, in rank order, so every rank computes the very same
 * result. Long vectors ({@link #SEGMENT_BYTES} or more): rank {@code r} combines only segment
 * {@code r} of every slot, in rank order, writes it back into its slot and raises its REDUCED
 * flag, and then copies each other segment from the slot of the rank that combined it (as Open
 * MPI's {@code coll/xhc} splits the reduction). With 7 ranks and 700 elements, rank 3 computes
 * elements 300..399 as {@code v0 ∘ v1 ∘ … ∘ v6} and copies the other six segments. Rank order
 * makes it right for non-commutative operations. See {@link ShmArea}.
 */
final class AllreduceShm {
    /**
     * From this many bytes per rank, ranks split the reduction by segments instead of each doing
     * all of it: every rank combining p whole vectors costs p times the work once vectors outgrow
     * the wait for the second flag (16 KiB is also where the point-to-point selector turns to
     * bandwidth algorithms; bench allreduce --algorithm shm at 16 KiB: 12.6 µs on 4 ranks, 22 on 2).
     */
    static final long SEGMENT_BYTES = 16 * 1024;

    private AllreduceShm() {
    }

    static void run(ShmArea.Member m, Op op, Buf send, int sendOffset, Buf recv, int recvOffset, int count) {
        ShmArea area = m.area();
        int p = area.size();
        long g = m.next();
        if (count <= ShmArea.INLINE) {
            m.awaitInlineFree(g, "allreduce");
            m.writeInline(g, send, sendOffset, count);
            m.publish(ShmArea.ARRIVED, g);
            m.awaitAll(ShmArea.ARRIVED, g, "allreduce");
            m.readInline(0, g, recv, recvOffset, count);
            Buf in = m.scratch(recv);
            for (int i = 1; i < p; i++) {
                m.readInline(i, g, in, 0, count);
                op.apply(in, 0, recv, recvOffset, count, false);
            }
            return;
        }
        m.awaitSlotFree(g, "allreduce");
        Buf mine = m.ownSlot(g, send, count);
        send.copyTo(sendOffset, mine, 0, count);
        m.publish(ShmArea.ARRIVED, g);
        m.awaitAll(ShmArea.ARRIVED, g, "allreduce");
        if (p == 1 || (long) count * send.elementBytes() < SEGMENT_BYTES) {
            combine(area, g, op, recv, recvOffset, 0, count);
            return;
        }
        int unit = op.pairs(send) ? 2 : 1;
        int r = m.rank();
        int lo = start(r, p, count, unit);
        int n = start(r + 1, p, count, unit) - lo;
        combine(area, g, op, recv, recvOffset, lo, n);
        recv.copyTo(recvOffset + lo, mine, lo, n);
        m.publish(ShmArea.REDUCED, g);
        for (int k = 1; k < p; k++) {
            int other = (r + k) % p;
            int from = start(other, p, count, unit);
            m.awaitOne(ShmArea.REDUCED, other, g, "allreduce");
            area.member(other).slot(g, recv).copyTo(from, recv, recvOffset + from, start(other + 1, p, count, unit) - from);
        }
    }

    /** {@code recv[at + i] = v0[i] ∘ v1[i] ∘ … ∘ v(p-1)[i]} for {@code i} in {@code [lo, lo + n)}, read from the slots. */
    private static void combine(ShmArea area, long g, Op op, Buf recv, int recvOffset, int lo, int n) {
        area.member(0).slot(g, recv).copyTo(lo, recv, recvOffset + lo, n);
        for (int i = 1; i < area.size(); i++) {
            op.apply(area.member(i).slot(g, recv), lo, recv, recvOffset + lo, n, false);
        }
    }

    /** The first element of rank {@code r}'s segment: segments are whole units (pairs for MAXLOC), as even as may be. */
    private static int start(int r, int p, int count, int unit) {
        return unit * (int) ((long) (count / unit) * r / p);
    }
}
