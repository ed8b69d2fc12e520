package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.bench.CollectiveBench;
import dev.ranks.workloads.bench.CollectiveBenchOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open MPI reference of {@code bench allreduce}, {@code bench bcast} and {@code bench barrier}:
 * {@code bench/collectives.c} (the program {@code bin/bench-compare-coll} runs; the launcher jar
 * carries a copy), built with {@code mpicc} and run under {@code mpirun -np N} in the same
 * invocation as the ranks, with the same sizes, iteration and warm-up counts, timed both ways the
 * harness times them.
 */
final class OpenMpiCollectives {
    /** The collectives the C program has. */
    static final Set<CollectiveBench.Kind> KINDS = Set.of(CollectiveBench.Kind.ALLREDUCE, CollectiveBench.Kind.BCAST,
            CollectiveBench.Kind.BARRIER);

    /**
     * One size as the C program measured it.
     *
     * @param size the message size in bytes
     * @param avgMicros each rank's mean time per call with a barrier between calls, averaged over the ranks
     * @param backToBackMicros the time per call back to back, averaged over the ranks
     */
    record Row(int size, double avgMicros, double backToBackMicros) {
    }

    private OpenMpiCollectives() {
    }

    /**
     * Builds and runs the C loop.
     *
     * @param options the collective, sizes and counts, as the ranks will run them
     * @param ranks the number of processes, as many as the job's ranks
     * @return the rows by size
     * @throws RanksException of class {@link ErrorClass#UNAVAILABLE} when Open MPI is missing or its
     *     compiler or run fails, with their output
     */
    static Map<Integer, Row> run(CollectiveBenchOptions options, int ranks) {
        List<String> arguments = new ArrayList<>(List.of(options.kind().label(), String.valueOf(options.iterations()),
                String.valueOf(options.warmup())));
        options.sizes().forEach(size -> arguments.add(size.toString()));
        Map<Integer, Row> rows = new LinkedHashMap<>();
        OpenMpiProgram.run("collectives", "collectives loop", ranks, arguments, 4)
                .forEach((size, figures) -> rows.put(size, new Row(size, figures[0], figures[1])));
        return rows;
    }
}
