package dev.ranks.collectives;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The collective algorithms, one class each; the selector picks one per call from the
 * communicator's size and the message size, unless the job's settings force one by name
 * ({@code Settings.withCollectives(Map.of("bcast", "binomial"))}, the launcher's
 * {@code --coll bcast=binomial,allreduce=ring}). Each algorithm's class Javadoc walks through
 * an example on 7 ranks. A forced algorithm whose {@link #requirements()} a call does not meet
 * fails that call with an error naming the algorithm and the requirement.
 */
public enum Algorithm {
    /** barrier: ceil(log2 p) rounds of paired messages at distances 1, 2, 4… ({@code BarrierDissemination}). */
    BARRIER_DISSEMINATION(Collective.BARRIER, "dissemination"),
    /** barrier: every rank raises its flag in shared memory and waits for everyone's ({@code BarrierShm}). Requires: shared memory. */
    BARRIER_SHM(Collective.BARRIER, "shm", Requirement.SHARED_MEMORY),
    /** barrier: the device's own barrier, such as MPI_Barrier ({@code BarrierNative}). Requires: native. */
    BARRIER_NATIVE(Collective.BARRIER, "native", Requirement.NATIVE),
    /** bcast: the root sends to every other rank in turn ({@code BcastLinear}). */
    BCAST_LINEAR(Collective.BCAST, "linear"),
    /** bcast: a binomial tree: ceil(log2 p) rounds, each rank that has the data sends it on ({@code BcastBinomial}). */
    BCAST_BINOMIAL(Collective.BCAST, "binomial"),
    /** bcast: van de Geijn's broadcast for large messages: binomial scatter of p pieces, then a ring allgather ({@code BcastScatterAllgather}). */
    BCAST_SCATTER_ALLGATHER(Collective.BCAST, "scatter_allgather"),
    /** bcast: the root writes the data to a shared buffer and raises its flag; the others copy it ({@code BcastShm}). Requires: shared memory. */
    BCAST_SHM(Collective.BCAST, "shm", Requirement.SHARED_MEMORY),
    /** bcast: the device's own broadcast, such as MPI_Bcast ({@code BcastNative}). Requires: native. */
    BCAST_NATIVE(Collective.BCAST, "native", Requirement.NATIVE),
    /** scatter: the root sends each rank its block directly ({@code ScatterLinear}). */
    SCATTER_LINEAR(Collective.SCATTER, "linear"),
    /** scatter: a binomial tree: each rank passes on the blocks of its subtree ({@code ScatterBinomial}). Requires: uniform. */
    SCATTER_BINOMIAL(Collective.SCATTER, "binomial", Requirement.UNIFORM),
    /** scatter: the device's own scatter, such as MPI_Scatter ({@code ScatterNative}). Requires: native. */
    SCATTER_NATIVE(Collective.SCATTER, "native", Requirement.NATIVE),
    /** gather: every rank sends its block straight to the root ({@code GatherLinear}). */
    GATHER_LINEAR(Collective.GATHER, "linear"),
    /** gather: a binomial tree: each rank collects its subtree's blocks and sends them up together ({@code GatherBinomial}). Requires: uniform. */
    GATHER_BINOMIAL(Collective.GATHER, "binomial", Requirement.UNIFORM),
    /** gather: the device's own gather, such as MPI_Gather ({@code GatherNative}). Requires: native. */
    GATHER_NATIVE(Collective.GATHER, "native", Requirement.NATIVE),
    /** allgather: every rank sends its block to every other rank at once ({@code AllgatherLinear}). */
    ALLGATHER_LINEAR(Collective.ALLGATHER, "linear"),
    /** allgather: p - 1 steps around a ring, each passing on the block received in the step before ({@code AllgatherRing}). */
    ALLGATHER_RING(Collective.ALLGATHER, "ring"),
    /** allgather: log2 p exchanges with partners at distances 1, 2, 4…, each doubling the data held ({@code AllgatherRecursiveDoubling}). Requires: power of two, uniform. */
    ALLGATHER_RECURSIVE_DOUBLING(Collective.ALLGATHER, "recursive_doubling", Requirement.POWER_OF_TWO, Requirement.UNIFORM),
    /** allgather: Bruck's algorithm: ceil(log2 p) steps for any size, then a local rotation ({@code AllgatherBruck}). Requires: uniform. */
    ALLGATHER_BRUCK(Collective.ALLGATHER, "bruck", Requirement.UNIFORM),
    /** allgather: the device's own allgather, such as MPI_Allgather ({@code AllgatherNative}). Requires: native. */
    ALLGATHER_NATIVE(Collective.ALLGATHER, "native", Requirement.NATIVE),
    /** alltoall: every send and receive posted at once ({@code AlltoallLinear}). */
    ALLTOALL_LINEAR(Collective.ALLTOALL, "linear"),
    /** alltoall: p - 1 steps; in step k rank r sends to r + k and receives from r - k ({@code AlltoallPairwise}). */
    ALLTOALL_PAIRWISE(Collective.ALLTOALL, "pairwise"),
    /** alltoall: Bruck's algorithm: ceil(log2 p) steps moving many small blocks together ({@code AlltoallBruck}). Requires: uniform. */
    ALLTOALL_BRUCK(Collective.ALLTOALL, "bruck", Requirement.UNIFORM),
    /** alltoall: the device's own alltoall, such as MPI_Alltoall ({@code AlltoallNative}). Requires: native. */
    ALLTOALL_NATIVE(Collective.ALLTOALL, "native", Requirement.NATIVE),
    /** reduce: the root receives every contribution and combines them in rank order ({@code ReduceLinear}). */
    REDUCE_LINEAR(Collective.REDUCE, "linear"),
    /** reduce: a binomial tree, combining in rank order ({@code ReduceBinomial}). */
    REDUCE_BINOMIAL(Collective.REDUCE, "binomial"),
    /** reduce: the device's own reduce, such as MPI_Reduce, in the device's order of combination ({@code ReduceNative}). Requires: native. */
    REDUCE_NATIVE(Collective.REDUCE, "native", Requirement.NATIVE),
    /** allreduce: log2 p exchanges of the whole vector, with an extra step when p is not a power of two ({@code AllreduceRecursiveDoubling}). */
    ALLREDUCE_RECURSIVE_DOUBLING(Collective.ALLREDUCE, "recursive_doubling"),
    /** allreduce: a binomial reduce to rank 0, then a broadcast ({@code AllreduceReduceBcast}). */
    ALLREDUCE_REDUCE_BCAST(Collective.ALLREDUCE, "reduce_bcast"),
    /** allreduce: a ring reduce-scatter then a ring allgather: 2(p - 1) steps of n/p elements ({@code AllreduceRing}). Requires: commutative. */
    ALLREDUCE_RING(Collective.ALLREDUCE, "ring", Requirement.COMMUTATIVE),
    /** allreduce: Rabenseifner's: reduce-scatter by recursive halving, then allgather by recursive doubling ({@code AllreduceRabenseifner}). Requires: commutative. */
    ALLREDUCE_RABENSEIFNER(Collective.ALLREDUCE, "rabenseifner", Requirement.COMMUTATIVE),
    /** allreduce: every rank writes its vector to shared memory, then combines them in rank order, a segment per rank for long vectors ({@code AllreduceShm}). Requires: shared memory. */
    ALLREDUCE_SHM(Collective.ALLREDUCE, "shm", Requirement.SHARED_MEMORY),
    /** allreduce: the device's own allreduce, such as MPI_Allreduce, in the device's order of combination ({@code AllreduceNative}). Requires: native. */
    ALLREDUCE_NATIVE(Collective.ALLREDUCE, "native", Requirement.NATIVE),
    /** reduce scatter: a binomial reduce to rank 0, then a scatterv ({@code ReduceScatterReduceScatterv}). */
    REDUCE_SCATTER_REDUCE_SCATTERV(Collective.REDUCE_SCATTER, "reduce_scatterv"),
    /** reduce scatter: p - 1 steps around a ring, each adding the block received to the rank's own ({@code ReduceScatterRing}). Requires: commutative. */
    REDUCE_SCATTER_RING(Collective.REDUCE_SCATTER, "ring", Requirement.COMMUTATIVE),
    /** reduce scatter: log2 p exchanges, each halving the data a rank is responsible for ({@code ReduceScatterRecursiveHalving}). Requires: commutative. */
    REDUCE_SCATTER_RECURSIVE_HALVING(Collective.REDUCE_SCATTER, "recursive_halving", Requirement.COMMUTATIVE),
    /** scan: a chain: rank r waits for the prefix of rank r - 1, combines and passes it on ({@code ScanLinear}). */
    SCAN_LINEAR(Collective.SCAN, "linear"),
    /** scan: log2 p exchanges at distances 1, 2, 4…, in rank order ({@code ScanRecursiveDoubling}). */
    SCAN_RECURSIVE_DOUBLING(Collective.SCAN, "recursive_doubling"),
    /** exscan: a chain: rank r receives the prefix of ranks 0..r-1 and passes on the next ({@code ExscanLinear}). */
    EXSCAN_LINEAR(Collective.EXSCAN, "linear"),
    /** exscan: log2 p exchanges at distances 1, 2, 4…, in rank order ({@code ExscanRecursiveDoubling}). */
    EXSCAN_RECURSIVE_DOUBLING(Collective.EXSCAN, "recursive_doubling");

    private final Collective collective;
    private final String label;
    private final Set<Requirement> requirements;

    Algorithm(Collective collective, String label, Requirement... requirements) {
        this.collective = collective;
        this.label = label;
        this.requirements = requirements.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(requirements[0], requirements));
    }

    /** @return the collective this algorithm implements */
    public Collective collective() {
        return collective;
    }

    /** @return the algorithm's name within its collective, as written in settings: {@code binomial} */
    public String label() {
        return label;
    }

    /** @return what the algorithm needs in order to be correct */
    public Set<Requirement> requirements() {
        return requirements;
    }

    /**
     * The algorithms of one collective.
     *
     * @param collective the collective
     * @return its algorithms, in declaration order
     */
    public static List<Algorithm> of(Collective collective) {
        List<Algorithm> list = new ArrayList<>();
        for (Algorithm a : values()) {
            if (a.collective == collective) {
                list.add(a);
            }
        }
        return list;
    }

    /**
     * An algorithm by collective and name, ignoring case.
     *
     * @param collective the collective
     * @param label the algorithm's name, such as {@code ring}
     * @return the algorithm
     * @throws RanksException with {@link ErrorClass#USAGE} naming the value and the choices
     */
    public static Algorithm of(Collective collective, String label) {
        String wanted = label.strip().replace("-", "_").toLowerCase(Locale.ROOT);
        for (Algorithm a : of(collective)) {
            if (a.label.equals(wanted)) {
                return a;
            }
        }
        throw new RanksException(ErrorClass.USAGE, "unknown " + collective.label() + " algorithm '" + label
                + "': expected one of " + of(collective).stream().map(Algorithm::label).collect(Collectors.joining(", ")));
    }

    /**
     * Reads forced choices such as {@code bcast=binomial,allreduce=ring}.
     *
     * @param spec comma-separated {@code collective=algorithm} pairs; blank for none
     * @return the choices
     * @throws RanksException with {@link ErrorClass#USAGE} naming the bad pair
     */
    public static Map<Collective, Algorithm> parse(String spec) {
        Map<Collective, Algorithm> choices = new EnumMap<>(Collective.class);
        if (spec == null || spec.isBlank()) {
            return choices;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new RanksException(ErrorClass.USAGE, "collective choice '" + pair.strip()
                        + "' is malformed: expected collective=algorithm, such as bcast=binomial");
            }
            Collective c = Collective.byLabel(pair.substring(0, eq));
            choices.put(c, of(c, pair.substring(eq + 1)));
        }
        return choices;
    }

    /**
     * Reads forced choices from settings' form.
     *
     * @param choices collective name to algorithm name
     * @return the choices
     * @throws RanksException with {@link ErrorClass#USAGE} naming the bad name
     */
    public static Map<Collective, Algorithm> parse(Map<String, String> choices) {
        Map<Collective, Algorithm> result = new EnumMap<>(Collective.class);
        choices.forEach((c, a) -> {
            Collective collective = Collective.byLabel(c);
            result.put(collective, of(collective, a));
        });
        return result;
    }

    /**
     * Writes choices in settings' form.
     *
     * @param choices the choices
     * @return collective label to algorithm label
     */
    public static Map<String, String> labels(Map<Collective, Algorithm> choices) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        choices.forEach((c, a) -> labels.put(c.label(), a.label()));
        return labels;
    }
}
