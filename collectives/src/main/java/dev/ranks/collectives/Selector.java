package dev.ranks.collectives;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Chooses the algorithm for each collective call from the communicator's size and the bytes each
 * rank contributes, unless the job's settings force one. Kept apart from the algorithms, as Open
 * MPI's {@code coll/tuned} decision functions are.
 *
 * <p>The thresholds follow the bench runs recorded in {@code docs/collectives.md}; algorithms that
 * do not meet a call's {@link Requirement}s are skipped, and the linear algorithm, which needs
 * nothing, is always there to fall back on.
 */
final class Selector {
    /** Below this many bytes per rank, latency dominates: trees and recursive doubling. */
    static final long SMALL = 16 * 1024;
    /** From this many bytes, bandwidth dominates: segmenting algorithms (ring, Rabenseifner, van de Geijn). */
    static final long LARGE = 256 * 1024;
    /**
     * From this many bytes the ring allreduce wins at 4 and 8 ranks (bench allreduce, docs/performance.md:
     * at 1 MiB, 4 ranks: ring 0.64 ms, Rabenseifner 2.4, reduce_bcast 2.0; 8 ranks: ring 1.7 ms,
     * Rabenseifner 3.6, reduce_bcast 4.0); below it, its 2(p - 1) steps cost more than they save.
     */
    static final long RING_ALLREDUCE = 512 * 1024;

    /**
     * Up to this many bytes bcast runs through shared memory on the local device. From 1 MiB the
     * point-to-point bcast wins: the local device splits a large copy between both ranks' cores
     * (bench bcast --algorithm shm,binomial,scatter_allgather, 2026-12-07, docs/performance.md:
     * 2 ranks, 1 MiB: shm 127 µs, binomial 70; 4 ranks, 512 KiB: shm 52, binomial 53).
     */
    static final long SHM_BCAST = 512 * 1024;
    /**
     * Up to this many bytes allreduce runs through shared memory on the local device; above it
     * the ring's direct copies win (bench allreduce --algorithm shm,ring,rabenseifner,reduce_bcast,
     * 2026-12-07, docs/performance.md: 4 ranks, 512 KiB: shm 480 µs, ring 759, 1 MiB: shm 1,119,
     * ring 611; 2 ranks, 2 MiB: shm 791, ring 521).
     */
    static final long SHM_ALLREDUCE = 512 * 1024;

    /** The native algorithm of each collective that has one. */
    private static final Map<Collective, Algorithm> NATIVE = natives();

    private final Map<Collective, Algorithm> forced;

    Selector(Map<String, String> choices) {
        this.forced = Algorithm.parse(choices);
    }

    /**
     * @param collective the collective being called
     * @param rank the calling rank, for errors
     * @param size the communicator size
     * @param bytes the bytes each rank contributes (for gather-like calls, one block)
     * @param op the reduction operation, or null
     * @param uniform whether every rank contributes the same count (not a {@code v} form)
     * @return the algorithm to run
     */
    Algorithm choose(Collective collective, int rank, int size, long bytes, Op op, boolean uniform) {
        Algorithm forcedChoice = forced.get(collective);
        // A forced shared-memory or native algorithm covers the calls it can run (chooseShared,
        // chooseNative); the others, such as non-blocking and object calls, get the point-to-point choice.
        if (forcedChoice != null && scheduled(forcedChoice)) {
            String unmet = unmet(forcedChoice, size, op, uniform);
            if (unmet != null) {
                throw new RanksException(ErrorClass.ARG, rank, collective.label() + " algorithm " + forcedChoice.label()
                        + " was forced, but it requires " + unmet, null);
            }
            if (!Registry.has(forcedChoice)) {
                throw new RanksException(ErrorClass.UNAVAILABLE, rank, collective.label() + " algorithm "
                        + forcedChoice.label() + " was forced, but it is not implemented in this build", null);
            }
            return forcedChoice;
        }
        Algorithm preferred = preferred(collective, size, bytes, op, uniform);
        if (preferred != null && Registry.has(preferred) && unmet(preferred, size, op, uniform) == null) {
            return preferred;
        }
        for (Algorithm a : Algorithm.of(collective)) {
            if (Registry.has(a) && scheduled(a) && unmet(a, size, op, uniform) == null) {
                return a;
            }
        }
        throw new IllegalStateException("no algorithm for " + collective);
    }

    /**
     * The shared-memory algorithm for a blocking call on primitive arrays, when it is forced or
     * when it wins at this size; otherwise null, and the call takes {@link #choose}'s algorithm.
     *
     * @param collective barrier, bcast or allreduce
     * @param rank the calling rank, for errors
     * @param size the communicator size
     * @param bytes the bytes each rank contributes
     * @param shared whether the communicator's ranks share memory (the local device)
     * @return the shared-memory algorithm, or null
     * @throws RanksException ({@link ErrorClass#ARG}) when a shared-memory algorithm was forced on a
     *     device whose ranks do not share memory
     */
    Algorithm chooseShared(Collective collective, int rank, int size, long bytes, boolean shared) {
        Algorithm forcedChoice = forced.get(collective);
        if (forcedChoice != null) {
            if (!forcedChoice.requirements().contains(Requirement.SHARED_MEMORY)) {
                return null;
            }
            if (!shared) {
                throw new RanksException(ErrorClass.ARG, rank, collective.label() + " algorithm " + forcedChoice.label()
                        + " was forced, but it requires ranks that share memory (the local device), and this job's"
                        + " device has none", null);
            }
            return forcedChoice;
        }
        if (!shared) {
            return null;
        }
        return switch (collective) {
            case BARRIER -> Algorithm.BARRIER_SHM;
            case BCAST -> bytes <= SHM_BCAST ? Algorithm.BCAST_SHM : null;
            case ALLREDUCE -> bytes <= SHM_ALLREDUCE ? Algorithm.ALLREDUCE_SHM : null;
            default -> null;
        };
    }

    /**
     * The native algorithm, the device's own collective, for a blocking call on primitive arrays
     * with the same count on every rank: whenever the device runs the call, unless another
     * algorithm is forced. Every rank reaches the same answer: it depends on the forced choice, the
     * device, and the call's element type and operation.
     *
     * @param collective a collective with a native algorithm
     * @param rank the calling rank, for errors
     * @param device whether the device runs collectives itself ({@code Endpoint.nativeCollectives()})
     * @param supported whether it runs this call: its element type, and its operation if it
     *     reduces (a built-in one with a {@link dev.ranks.comm.spi.NativeOp})
     * @return the native algorithm, or null for the shared-memory or point-to-point choice
     * @throws RanksException ({@link ErrorClass#ARG}) when the native algorithm was forced on a
     *     device that has no collectives of its own
     */
    Algorithm chooseNative(Collective collective, int rank, boolean device, boolean supported) {
        Algorithm forcedChoice = forced.get(collective);
        if (forcedChoice != null && !forcedChoice.requirements().contains(Requirement.NATIVE)) {
            return null;
        }
        if (forcedChoice != null && !device) {
            throw new RanksException(ErrorClass.ARG, rank, collective.label() + " algorithm " + forcedChoice.label()
                    + " was forced, but it requires a device that runs collectives itself (the mpi device), and this"
                    + " job's device has none", null);
        }
        return device && supported ? NATIVE.get(collective) : null;
    }

    private static Map<Collective, Algorithm> natives() {
        Map<Collective, Algorithm> natives = new EnumMap<>(Collective.class);
        for (Algorithm a : Algorithm.values()) {
            if (a.requirements().contains(Requirement.NATIVE)) {
                natives.put(a.collective(), a);
            }
        }
        return natives;
    }

    /** @return whether the algorithm writes a {@link Schedule}: it is neither shared-memory nor native */
    private static boolean scheduled(Algorithm a) {
        return !a.requirements().contains(Requirement.SHARED_MEMORY) && !a.requirements().contains(Requirement.NATIVE);
    }

    private static Algorithm preferred(Collective collective, int size, long bytes, Op op, boolean uniform) {
        boolean powerOfTwo = Integer.bitCount(size) == 1;
        return switch (collective) {
            case BARRIER -> Algorithm.BARRIER_DISSEMINATION;
            case BCAST -> size <= 2 ? Algorithm.BCAST_LINEAR
                    : bytes >= LARGE && size > 3 ? Algorithm.BCAST_SCATTER_ALLGATHER : Algorithm.BCAST_BINOMIAL;
            case SCATTER -> uniform && bytes < SMALL && size > 3 ? Algorithm.SCATTER_BINOMIAL : Algorithm.SCATTER_LINEAR;
            case GATHER -> uniform && bytes < SMALL && size > 3 ? Algorithm.GATHER_BINOMIAL : Algorithm.GATHER_LINEAR;
            case ALLGATHER -> !uniform || bytes * size >= LARGE ? Algorithm.ALLGATHER_RING
                    : powerOfTwo ? Algorithm.ALLGATHER_RECURSIVE_DOUBLING : Algorithm.ALLGATHER_BRUCK;
            case ALLTOALL -> uniform && bytes <= 256 && size >= 8 ? Algorithm.ALLTOALL_BRUCK : Algorithm.ALLTOALL_PAIRWISE;
            case REDUCE -> Algorithm.REDUCE_BINOMIAL;
            case ALLREDUCE -> !op.commutative() || bytes < SMALL ? Algorithm.ALLREDUCE_RECURSIVE_DOUBLING
                    : bytes >= RING_ALLREDUCE ? Algorithm.ALLREDUCE_RING
                    : powerOfTwo ? Algorithm.ALLREDUCE_RABENSEIFNER : Algorithm.ALLREDUCE_REDUCE_BCAST;
            case REDUCE_SCATTER -> !op.commutative() ? Algorithm.REDUCE_SCATTER_REDUCE_SCATTERV
                    : powerOfTwo && bytes < LARGE ? Algorithm.REDUCE_SCATTER_RECURSIVE_HALVING
                    : Algorithm.REDUCE_SCATTER_RING;
            case SCAN -> Algorithm.SCAN_RECURSIVE_DOUBLING;
            case EXSCAN -> Algorithm.EXSCAN_RECURSIVE_DOUBLING;
        };
    }

    /** @return what the algorithm needs that this call lacks, or null when it may run */
    static String unmet(Algorithm algorithm, int size, Op op, boolean uniform) {
        for (Requirement r : algorithm.requirements()) {
            switch (r) {
                case SHARED_MEMORY, NATIVE -> {
                    // chooseShared and chooseNative check them: they alone know the device.
                }
                case COMMUTATIVE -> {
                    if (op != null && !op.commutative()) {
                        return "a commutative op, and op " + op.name() + " is not commutative";
                    }
                }
                case POWER_OF_TWO -> {
                    if (Integer.bitCount(size) != 1) {
                        return "a power-of-two communicator size, and this communicator has " + size + " ranks";
                    }
                }
                case UNIFORM -> {
                    if (!uniform) {
                        return "the same count on every rank, and this is a v-form call with per-rank counts";
                    }
                }
            }
        }
        return null;
    }
}
