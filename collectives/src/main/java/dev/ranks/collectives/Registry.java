package dev.ranks.collectives;

import java.util.EnumMap;
import java.util.Map;

/** Which class implements each {@link Algorithm}: one line per algorithm. */
final class Registry {
    private static final Map<Algorithm, Object> IMPLEMENTATIONS = new EnumMap<>(Algorithm.class);

    static {
        put(Algorithm.BARRIER_DISSEMINATION, (Impl.Barrier) BarrierDissemination::schedule);
        put(Algorithm.BCAST_LINEAR, (Impl.Bcast) BcastLinear::schedule);
        put(Algorithm.SCATTER_LINEAR, (Impl.Scatter) ScatterLinear::schedule);
        put(Algorithm.GATHER_LINEAR, (Impl.Gather) GatherLinear::schedule);
        put(Algorithm.ALLGATHER_LINEAR, (Impl.Allgather) AllgatherLinear::schedule);
        put(Algorithm.ALLTOALL_LINEAR, (Impl.Alltoall) AlltoallLinear::schedule);
        put(Algorithm.REDUCE_LINEAR, (Impl.Reduce) ReduceLinear::schedule);
        put(Algorithm.ALLREDUCE_REDUCE_BCAST, (Impl.Allreduce) AllreduceReduceBcast::schedule);
        put(Algorithm.REDUCE_SCATTER_REDUCE_SCATTERV, (Impl.ReduceScatter) ReduceScatterReduceScatterv::schedule);
        put(Algorithm.SCAN_LINEAR, (Impl.Scan) ScanLinear::schedule);
        put(Algorithm.EXSCAN_LINEAR, (Impl.Scan) ExscanLinear::schedule);
        // More algorithms: one line each, below.
    }

    private Registry() {
    }

    private static void put(Algorithm algorithm, Object implementation) {
        IMPLEMENTATIONS.put(algorithm, implementation);
    }

    /** @return whether the algorithm has an implementation */
    static boolean has(Algorithm algorithm) {
        return IMPLEMENTATIONS.containsKey(algorithm);
    }

    /** @return the implementation, of the {@link Impl} interface for the algorithm's collective */
    @SuppressWarnings("unchecked")
    static <T> T get(Algorithm algorithm) {
        return (T) IMPLEMENTATIONS.get(algorithm);
    }
}
