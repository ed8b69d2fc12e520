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
        put(Algorithm.SCATTER_BINOMIAL, (Impl.Scatter) ScatterBinomial::schedule);
        put(Algorithm.GATHER_BINOMIAL, (Impl.Gather) GatherBinomial::schedule);
        put(Algorithm.BCAST_SCATTER_ALLGATHER, (Impl.Bcast) BcastScatterAllgather::schedule);
        put(Algorithm.REDUCE_BINOMIAL, (Impl.Reduce) ReduceBinomial::schedule);
        put(Algorithm.ALLREDUCE_RECURSIVE_DOUBLING, (Impl.Allreduce) AllreduceRecursiveDoubling::schedule);
        put(Algorithm.ALLREDUCE_RING, (Impl.Allreduce) AllreduceRing::schedule);
        put(Algorithm.ALLREDUCE_RABENSEIFNER, (Impl.Allreduce) AllreduceRabenseifner::schedule);
        put(Algorithm.REDUCE_SCATTER_RING, (Impl.ReduceScatter) ReduceScatterRing::schedule);
        put(Algorithm.REDUCE_SCATTER_RECURSIVE_HALVING, (Impl.ReduceScatter) ReduceScatterRecursiveHalving::schedule);
        put(Algorithm.SCAN_RECURSIVE_DOUBLING, (Impl.Scan) ScanRecursiveDoubling::schedule);
        put(Algorithm.EXSCAN_RECURSIVE_DOUBLING, (Impl.Scan) ExscanRecursiveDoubling::schedule);
        put(Algorithm.BCAST_BINOMIAL, (Impl.Bcast) BcastBinomial::schedule);
        // More algorithms: one line each, below.
        put(Algorithm.ALLGATHER_RING, (Impl.Allgather) AllgatherRing::schedule);
        put(Algorithm.ALLGATHER_RECURSIVE_DOUBLING, (Impl.Allgather) AllgatherRecursiveDoubling::schedule);
        put(Algorithm.ALLGATHER_BRUCK, (Impl.Allgather) AllgatherBruck::schedule);
        put(Algorithm.ALLTOALL_PAIRWISE, (Impl.Alltoall) AlltoallPairwise::schedule);
        put(Algorithm.ALLTOALL_BRUCK, (Impl.Alltoall) AlltoallBruck::schedule);
        put(Algorithm.BARRIER_SHM, (Impl.SharedBarrier) BarrierShm::run);
        put(Algorithm.BCAST_SHM, (Impl.SharedBcast) BcastShm::run);
        put(Algorithm.ALLREDUCE_SHM, (Impl.SharedAllreduce) AllreduceShm::run);
        put(Algorithm.BARRIER_NATIVE, (Impl.NativeBarrier) BarrierNative::run);
        put(Algorithm.BCAST_NATIVE, (Impl.NativeBcast) BcastNative::run);
        put(Algorithm.SCATTER_NATIVE, (Impl.NativeScatter) ScatterNative::run);
        put(Algorithm.GATHER_NATIVE, (Impl.NativeGather) GatherNative::run);
        put(Algorithm.ALLGATHER_NATIVE, (Impl.NativeAllgather) AllgatherNative::run);
        put(Algorithm.ALLTOALL_NATIVE, (Impl.NativeAlltoall) AlltoallNative::run);
        put(Algorithm.REDUCE_NATIVE, (Impl.NativeReduce) ReduceNative::run);
        put(Algorithm.ALLREDUCE_NATIVE, (Impl.NativeAllreduce) AllreduceNative::run);
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
