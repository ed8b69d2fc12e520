package dev.ranks.workloads.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks what the harness returns, not how fast anything is: timings are the benchmark's business. */
class PingPongTest {
    private static final PingPongOptions SMALL = new PingPongOptions(1, 64, 10, 2);

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void rankZeroGetsOneRowPerSizeAndTheOthersNone(int size) {
        Map<Integer, List<PingPongRow>> rowsByRank = run(size, Settings.defaults(), SMALL);

        assertEquals(size, rowsByRank.size());
        List<PingPongRow> rows = rowsByRank.get(0);
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), rows.stream().map(PingPongRow::size).toList());
        for (PingPongRow row : rows) {
            assertEquals(10, row.iterations());
            assertTrue(row.latencyMicros() > 0, row::toString);
        }
        for (int r = 1; r < size; r++) {
            assertEquals(List.of(), rowsByRank.get(r), "rank " + r);
        }
    }

    @Test
    void bandwidthAndLatencyDescribeTheSameRoundTrips() {
        List<PingPongRow> rows = run(2, Settings.defaults(), new PingPongOptions(1024, 4096, 20, 0)).get(0);

        for (PingPongRow row : rows) {
            double rttSeconds = 2 * row.latencyMicros() / 1e6;
            double expected = 2.0 * row.size() / rttSeconds / (1 << 20);
            assertEquals(expected, row.bandwidthMiBps(), expected * 1e-9, row::toString);
        }
    }

    @Test
    void sizesAboveTheEagerLimitGoByRendezvous() {
        List<PingPongRow> rows = run(2, Settings.defaults().withEagerLimit(16), new PingPongOptions(8, 256, 5, 1)).get(0);

        assertEquals(List.of(8, 16, 32, 64, 128, 256), rows.stream().map(PingPongRow::size).toList());
    }

    @Test
    void oneRankIsAUsageError() {
        JobResult result = Ranks.run(1, comm -> PingPong.run(comm, SMALL));

        assertEquals(JobResult.Outcome.FAILED, result.outcome());
        RanksException cause = (RanksException) result.cause();
        assertEquals(ErrorClass.USAGE, cause.errorClass());
        assertEquals("ping-pong needs at least 2 ranks, got 1", cause.getMessage());
    }

    private static Map<Integer, List<PingPongRow>> run(int size, Settings settings, PingPongOptions options) {
        Map<Integer, List<PingPongRow>> rowsByRank = new ConcurrentHashMap<>();
        JobResult result = Ranks.run(size, settings, comm -> rowsByRank.put(comm.rank(), PingPong.run(comm, options)));
        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        return rowsByRank;
    }
}
