package dev.ranks.workloads.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.workloads.bench.CollectiveBench.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks what the harness returns, not how fast anything is: timings are the benchmark's business. */
class CollectiveBenchTest {
    @ParameterizedTest
    @CsvSource({"BCAST, 1", "BCAST, 5", "ALLREDUCE, 4", "ALLREDUCE, 7", "ALLTOALL, 3", "ALLTOALL, 8", "ALLGATHER, 2",
        "ALLGATHER, 6"})
    void rankZeroGetsOneRowPerSizeAndTheOthersNone(Kind kind, int size) {
        CollectiveBenchOptions options = new CollectiveBenchOptions(kind, 8, 64, 5, 1, Op.SUM);

        Map<Integer, List<CollectiveBenchRow>> rowsByRank = run(size, Settings.defaults(), options);

        assertEquals(size, rowsByRank.size());
        List<CollectiveBenchRow> rows = rowsByRank.get(0);
        assertEquals(List.of(8, 16, 32, 64), rows.stream().map(CollectiveBenchRow::size).toList());
        for (CollectiveBenchRow row : rows) {
            assertEquals(5, row.iterations());
            assertTrue(row.minMicros() > 0, row::toString);
            assertTrue(row.minMicros() <= row.avgMicros() && row.avgMicros() <= row.maxMicros(), row::toString);
            assertTrue(row.backToBackMicros() > 0, row::toString);
        }
        for (int r = 1; r < size; r++) {
            assertEquals(List.of(), rowsByRank.get(r), "rank " + r);
        }
    }

    /** Sizes above the eager limit go by rendezvous, so every transfer path of the collective is exercised. */
    @ParameterizedTest
    @CsvSource({"1", "4", "7"})
    void aBarrierHasOneRowOfSizeZeroWhateverTheSizesAsked(int size) {
        CollectiveBenchOptions options = new CollectiveBenchOptions(Kind.BARRIER, 8, 64, 5, 1, null);

        List<CollectiveBenchRow> rows = run(size, Settings.defaults(), options).get(0);

        assertEquals(1, rows.size());
        assertEquals(0, rows.get(0).size());
        assertEquals(5, rows.get(0).iterations());
        assertTrue(rows.get(0).backToBackMicros() > 0, rows::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "BARRIER", mode = EnumSource.Mode.EXCLUDE)
    void runsAboveTheEagerLimit(Kind kind) {
        CollectiveBenchOptions options = new CollectiveBenchOptions(kind, 64, 1024, 3, 1, Op.MAX);

        List<CollectiveBenchRow> rows = run(4, Settings.defaults().withEagerLimit(128), options).get(0);

        assertEquals(List.of(64, 128, 256, 512, 1024), rows.stream().map(CollectiveBenchRow::size).toList());
    }

    @ParameterizedTest
    @CsvSource({"allreduce, ring", "allreduce, reduce_bcast", "bcast, linear", "alltoall, bruck", "allgather, ring"})
    void runsWithAForcedAlgorithm(String collective, String algorithm) {
        Kind kind = Kind.valueOf(collective.toUpperCase(Locale.ROOT));
        CollectiveBenchOptions options = new CollectiveBenchOptions(kind, 8, 32, 3, 0, Op.SUM);

        List<CollectiveBenchRow> rows = run(5, Settings.defaults().withCollectives(Map.of(collective, algorithm)),
                options).get(0);

        assertEquals(3, rows.size());
    }

    @Test
    void buffersTooLargeForTheCommunicatorAreRefused() {
        CollectiveBenchOptions options = new CollectiveBenchOptions(Kind.ALLTOALL, 1, 1 << 29, 1, 0, null);

        JobResult result = Jobs.result(3, Settings.defaults(), comm -> CollectiveBench.run((Intracomm) comm, options),
                Intracomm.binder(), Jobs.TIMEOUT);

        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(ErrorClass.ARG, ((RanksException) result.cause()).errorClass());
    }

    private static Map<Integer, List<CollectiveBenchRow>> run(int size, Settings settings,
                                                              CollectiveBenchOptions options) {
        Map<Integer, List<CollectiveBenchRow>> rowsByRank = new ConcurrentHashMap<>();
        Jobs.run(size, settings, comm -> rowsByRank.put(comm.rank(), CollectiveBench.run((Intracomm) comm, options)),
                Intracomm.binder());
        return rowsByRank;
    }
}
