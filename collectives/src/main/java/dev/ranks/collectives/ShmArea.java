package dev.ranks.collectives;

import dev.ranks.comm.ElementType;
import dev.ranks.comm.WaitPolicy;
import dev.ranks.comm.spi.SharedMemory;
import dev.ranks.comm.spi.SharedWait;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The shared-memory collective area of one communicator whose ranks share an address space (the
 * local device): per-rank flags on cache lines of their own and per-rank slot buffers, created
 * once per communicator and reached by every member through {@link SharedMemory#area}. The
 * shared-memory algorithms ({@link BarrierShm}, {@link BcastShm}, {@link AllreduceShm}) work
 * here instead of sending messages, as Open MPI's {@code coll/sm} works in a shared segment.
 *
 * <p><b>Generations.</b> Every shared-memory call on the communicator gets the next generation
 * number on every rank (they call collectives in the same order). A rank raises a flag by writing
 * the generation into it, so flags only grow and are never reset: no rank can miss a flag's reset
 * or see a stale one.
 *
 * <p><b>Two flags per rank.</b> {@link #ARRIVED}: in generation {@code g}, a rank writes {@code g}
 * once it has finished reading everything of the calls before {@code g} (and, in bcast, of
 * {@code g} itself). {@link #REDUCED}: the rank's segment of a segmented allreduce is ready.
 * ARRIVED lives in {@link #DEPTH} blocks: generation {@code g} writes block {@code g % DEPTH}, and
 * since every rank writes every generation, that block holds at least {@code g} exactly when the
 * rank has arrived at {@code g}.
 *
 * <p><b>Inline data.</b> Up to {@link #INLINE} elements travel in the rest of the ARRIVED block,
 * beside the flag: a reader's one cache miss brings it both, where a slot would cost a second miss
 * after the flag's (Open MPI's {@code coll/xhc} inlines small messages the same way). A rank
 * writes the block of generation {@code g} once every rank has arrived at {@code g - DEPTH + 1},
 * so a bcast root may run up to {@code DEPTH - 1} calls ahead of its slowest reader, as an eager
 * message lets an MPI root run ahead.
 *
 * <p><b>Slots.</b> Each rank owns two slot buffers per element type, used by generation parity,
 * grown on demand and kept: no allocation per call once warm. A rank writes a slot of generation
 * {@code g} only after every rank's {@link #ARRIVED} flag reached {@code g - 1}, which means
 * every reader of that slot's previous use, generation {@code g - 2}, is done with it. Readers
 * find a slot's contents by a volatile read of its owner's flag, which the owner wrote after the
 * data.
 *
 * <p><b>Waiting</b> follows the job's {@link WaitPolicy}: spin, then yield, then block when ranks
 * fit on the cores; yield, then block when they outnumber the cores (a park and unpark costs
 * microseconds, a yield hands the core to the rank being waited for); block at once under
 * {@code PARK}. A blocked rank is registered with the device ({@link SharedMemory#await}), so the
 * job's deadlock check counts it and the end of the job wakes it; whoever raises a flag unparks
 * blocked members.
 */
final class ShmArea {
    /** The flag a rank raises when it enters a call (see the class comment). */
    static final int ARRIVED = 0;
    /** The flag a rank raises when its segment of a segmented allreduce is ready. */
    static final int REDUCED = 1;

    /** Longs per flag block: 128 bytes, so that no two blocks share a cache line or an adjacent-line prefetch pair. */
    private static final int STRIDE = 16;
    /** Elements (of any type, one per long) that fit beside the ARRIVED flag in its block. */
    static final int INLINE = STRIDE - 1;
    /** ARRIVED blocks per rank, a power of two: how far ahead inline data lets a rank run. */
    private static final int DEPTH = 8;
    private static final int TYPES = ElementType.values().length;
    /** With spinning allowed, spin at most this long before yielding between checks. */
    private static final long SPIN_NANOS = 5_000;
    /** A wait this short means the peers run beside this rank, on cores of their own. */
    private static final long QUICK_NANOS = 1_000;
    /**
     * Spin or yield this long before blocking. Blocking costs a park and an unpark (microseconds
     * each), but only a blocked rank counts for the deadlock check; calls back to back wait far
     * less than this.
     */
    private static final long BLOCK_AFTER_NANOS = 1_000_000;

    private final int size;
    private final int[] worldRanks;
    private final AtomicLongArray flags;
    private final Member[] members;
    /** How many members are blocked (or about to be); publishers unpark only when there are some. */
    private final AtomicInteger sleepers = new AtomicInteger();
    private final AtomicReferenceArray<Thread> sleeping;

    /**
     * @param worldRanks the members' world ranks, in communicator rank order
     */
    ShmArea(int[] worldRanks) {
        this.size = worldRanks.length;
        this.worldRanks = worldRanks.clone();
        this.flags = new AtomicLongArray(((DEPTH + 1) * size + 2) * STRIDE);
        this.sleeping = new AtomicReferenceArray<>(size);
        this.members = new Member[size];
        for (int r = 0; r < size; r++) {
            members[r] = new Member(this, r);
        }
    }

    /** @return the number of members */
    int size() {
        return size;
    }

    /** @return the member with this communicator rank */
    Member member(int rank) {
        return members[rank];
    }

    /** Where rank's flag holding {@code value} lives: ARRIVED by the value modulo {@link #DEPTH}, then REDUCED. */
    private static int index(int rank, int flag, long value) {
        return (1 + (DEPTH + 1) * rank + (flag == ARRIVED ? (int) (value & (DEPTH - 1)) : DEPTH)) * STRIDE;
    }

    private boolean reached(int rank, int flag, long value) {
        return flags.get(index(rank, flag, value)) >= value;
    }

    private void wakeAll() {
        for (int r = 0; r < size; r++) {
            Thread t = sleeping.get(r);
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** How a member waits; see the class comment. */
    enum Mode {
        SPIN, YIELD, PARK
    }

    /**
     * One rank's part of the area: its generation counter and slots, written only by its own
     * thread (slots are read by the others after the owner's flag says so), and the wait it is
     * blocked on, which the device's deadlock check reads.
     */
    static final class Member implements SharedWait {
        private final ShmArea area;
        private final int rank;
        /** Slot buffers by {@code parity * TYPES + type}. */
        private final Buf[] slots = new Buf[2 * TYPES];
        /** Room for {@link #INLINE} elements by type, to combine inline data in. */
        private final Buf[] scratch = new Buf[TYPES];
        /** A bcast root's own buffer, when it lends it instead of copying to a slot. */
        private Buf direct;
        private int directOffset;
        private long generation;
        /** The highest generation every rank's ARRIVED flag is known to have reached. */
        private long allArrived;
        private SharedMemory memory;
        private Mode mode = Mode.PARK;
        /** How long this rank spins before yielding now; learnt from its waits (see waitUntilDone). */
        private long spinNanos = SPIN_NANOS;

        // The wait in progress: set by the owner before waiting, read by the deadlock check only
        // while the owner is blocked (the device's registry orders the two).
        private int waitFlag;
        private int waitRank;
        private long waitValue;
        private String waitCall;

        private Member(ShmArea area, int rank) {
            this.area = area;
            this.rank = rank;
        }

        /**
         * Attaches the member to its rank's view of the device; called by its own rank before use.
         *
         * @param memory the rank's shared memory
         * @param policy the job's wait policy
         */
        void bind(SharedMemory memory, WaitPolicy policy) {
            this.memory = memory;
            this.mode = policy == WaitPolicy.PARK ? Mode.PARK : memory.spin() ? Mode.SPIN : Mode.YIELD;
        }

        /** @return the area */
        ShmArea area() {
            return area;
        }

        /** @return this member's communicator rank */
        int rank() {
            return rank;
        }

        /** @return the generation of the call now starting */
        long next() {
            return ++generation;
        }

        /** Raises one of this rank's flags to {@code value} and wakes blocked members. */
        void publish(int flag, long value) {
            area.flags.set(index(rank, flag, value), value);
            // Volatile write, then volatile read: either a member about to block sees the flag
            // on its last check, or this sees it counted among the sleepers.
            if (area.sleepers.get() != 0) {
                area.wakeAll();
            }
        }

        /**
         * Waits until every rank's ARRIVED flag reached {@code g - 1}: then this rank may write its
         * slot of generation {@code g} (see the class comment).
         */
        void awaitSlotFree(long g, String call) {
            if (allArrived < g - 1) {
                awaitAll(ARRIVED, g - 1, call);
            }
        }

        /** Waits until every rank's {@code flag} reached {@code value}. */
        void awaitAll(int flag, long value, String call) {
            waitFlag = flag;
            waitRank = -1;
            waitValue = value;
            waitCall = call;
            waitUntilDone();
            if (flag == ARRIVED && value > allArrived) {
                allArrived = value;
            }
        }

        /** Waits until rank {@code other}'s {@code flag} reached {@code value}. */
        void awaitOne(int flag, int other, long value, String call) {
            waitFlag = flag;
            waitRank = other;
            waitValue = value;
            waitCall = call;
            waitUntilDone();
        }

        /**
         * This rank's slot of the given parity for {@code count} elements of {@code like}'s type,
         * grown if it is too small; called only by the owner, before publishing what it writes.
         */
        Buf ownSlot(long generation, Buf like, int count) {
            int i = (int) (generation & 1) * TYPES + like.type.ordinal();
            Buf slot = slots[i];
            if (slot == null || slot.length() < count) {
                int capacity = Math.max(count, slot == null ? 16 : 2 * slot.length());
                slot = like.allocate(capacity);
                slots[i] = slot;
            }
            return slot;
        }

        /** This rank's slot as filled in the given generation, for another rank to read after the flag. */
        Buf slot(long generation, Buf like) {
            return slots[(int) (generation & 1) * TYPES + like.type.ordinal()];
        }

        /**
         * Waits until every rank's ARRIVED flag reached {@code g - DEPTH + 1}: then this rank may
         * write inline data of generation {@code g} (see the class comment).
         */
        void awaitInlineFree(long g, String call) {
            if (allArrived < g - DEPTH + 1) {
                awaitAll(ARRIVED, g - DEPTH + 1, call);
            }
        }

        /**
         * Writes up to {@link #INLINE} elements beside this rank's ARRIVED flag of generation
         * {@code g}, before raising it, once {@link #awaitInlineFree} allows.
         */
        void writeInline(long g, Buf src, int offset, int n) {
            int at = index(rank, ARRIVED, g) + 1;
            Object a = src.array;
            for (int i = 0; i < n; i++) {
                int k = offset + i;
                long bits = switch (src.type) {
                    case DOUBLE -> Double.doubleToRawLongBits(((double[]) a)[k]);
                    case FLOAT -> Float.floatToRawIntBits(((float[]) a)[k]);
                    case LONG -> ((long[]) a)[k];
                    case INT -> ((int[]) a)[k];
                    case SHORT -> ((short[]) a)[k];
                    case CHAR -> ((char[]) a)[k];
                    case BYTE -> ((byte[]) a)[k];
                    case BOOLEAN -> ((boolean[]) a)[k] ? 1 : 0;
                    case OBJECT -> throw new IllegalArgumentException("objects do not go through shared memory");
                };
                area.flags.setPlain(at + i, bits);
            }
        }

        /** Reads rank {@code from}'s inline elements of generation {@code g}, after its ARRIVED flag said so. */
        void readInline(int from, long g, Buf dst, int offset, int n) {
            int at = index(from, ARRIVED, g) + 1;
            Object a = dst.array;
            for (int i = 0; i < n; i++) {
                int k = offset + i;
                long bits = area.flags.getPlain(at + i);
                switch (dst.type) {
                    case DOUBLE -> ((double[]) a)[k] = Double.longBitsToDouble(bits);
                    case FLOAT -> ((float[]) a)[k] = Float.intBitsToFloat((int) bits);
                    case LONG -> ((long[]) a)[k] = bits;
                    case INT -> ((int[]) a)[k] = (int) bits;
                    case SHORT -> ((short[]) a)[k] = (short) bits;
                    case CHAR -> ((char[]) a)[k] = (char) bits;
                    case BYTE -> ((byte[]) a)[k] = (byte) bits;
                    case BOOLEAN -> ((boolean[]) a)[k] = bits != 0;
                    case OBJECT -> throw new IllegalArgumentException("objects do not go through shared memory");
                }
            }
        }

        /** @return this rank's room for {@link #INLINE} elements of {@code like}'s type */
        Buf scratch(Buf like) {
            int i = like.type.ordinal();
            if (scratch[i] == null) {
                scratch[i] = like.allocate(INLINE);
            }
            return scratch[i];
        }

        /** Lends the caller's own buffer to readers, published by the next flag raised. */
        void lend(Buf buf, int offset) {
            direct = buf;
            directOffset = offset;
        }

        /** @return the buffer lent by {@link #lend}, for readers after the flag */
        Buf lent() {
            return direct;
        }

        /** @return the offset lent by {@link #lend} */
        int lentOffset() {
            return directOffset;
        }

        private void waitUntilDone() {
            if (done()) {
                return;
            }
            if (mode != Mode.PARK) {
                long start = System.nanoTime();
                boolean yielding = mode == Mode.YIELD;
                for (int i = 1; ; i++) {
                    if (yielding) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                    if (done()) {
                        learn(System.nanoTime() - start);
                        return;
                    }
                    if (yielding || (i & 0x3F) == 0) {
                        memory.checkRunning();
                        long waited = System.nanoTime() - start;
                        if (waited > BLOCK_AFTER_NANOS) {
                            break;
                        }
                        yielding |= waited > spinNanos;
                    }
                }
            }
            memory.await(this);
        }

        /**
         * Adapts the spin to the machine. A peer that came only after this rank stopped spinning
         * was probably waiting for this very core (a loaded machine, or more runnable threads than
         * cores): spinning then only delays it, by the whole spin, on every call. A peer that came
         * at once runs on a core of its own, where spinning pays.
         */
        private void learn(long waited) {
            if (waited <= QUICK_NANOS) {
                spinNanos = Math.min(SPIN_NANOS, 2 * spinNanos + QUICK_NANOS);
            } else if (waited > spinNanos) {
                spinNanos /= 2;
            }
        }

        @Override
        public boolean done() {
            if (waitRank >= 0) {
                return area.reached(waitRank, waitFlag, waitValue);
            }
            for (int r = 0; r < area.size; r++) {
                if (!area.reached(r, waitFlag, waitValue)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void arm(Thread waiter) {
            area.sleeping.set(rank, waiter);
            area.sleepers.incrementAndGet();
        }

        @Override
        public void disarm() {
            area.sleeping.set(rank, null);
            area.sleepers.decrementAndGet();
        }

        @Override
        public String describe() {
            StringBuilder missing = new StringBuilder();
            targets(r -> missing.append(missing.length() == 0 ? "" : ", ").append(r));
            return waitCall + "(algorithm=shm, waits for world rank" + (missing.indexOf(",") >= 0 ? "s " : " ")
                    + missing + ")";
        }

        @Override
        public void targets(IntConsumer ranks) {
            for (int r = 0; r < area.size; r++) {
                if ((waitRank < 0 || waitRank == r) && !area.reached(r, waitFlag, waitValue)) {
                    ranks.accept(area.worldRanks[r]);
                }
            }
        }
    }
}
