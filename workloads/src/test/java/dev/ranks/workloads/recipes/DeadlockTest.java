package dev.ranks.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlockTest {
    @ParameterizedTest
    @ValueSource(ints = {6, 9})
    void receivingFirstOnBothSidesIsDiagnosed(int size) {
        Output out = new Output();

        JobResult result = Ranks.run(size, comm -> Deadlock.run(comm, Deadlock.Fix.NONE, out.writer()));

        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
        String report = result.describe();
        assertTrue(report.contains("rank 1: recv(source=5"), report);
        assertTrue(report.contains("rank 5: recv(source=1"), report);
        assertTrue(out.lines().stream().noneMatch(line -> line.startsWith("data received")), () -> "lines: " + out.lines());
    }

    /** With an eager limit of 0 every send waits for its receive, so only a real fix completes. */
    @ParameterizedTest
    @CsvSource({"ORDER, 65536", "ORDER, 0", "SENDRECV, 65536", "SENDRECV, 0"})
    void bothFixesExchangeTheValues(Deadlock.Fix fix, int eagerLimit) {
        Output out = new Output();

        JobResult result = Ranks.run(6, Settings.defaults().withEagerLimit(eagerLimit),
                comm -> Deadlock.run(comm, fix, out.writer()));

        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertTrue(out.lines().containsAll(List.of(
                "sending data a to process 5", "data received is = b",
                "sending data b to process 1", "data received is = a")), () -> "lines: " + out.lines());
    }

    @Test
    void namesTheRanksItNeeds() {
        JobResult result = Ranks.run(5, comm -> Deadlock.run(comm, Deadlock.Fix.ORDER, new Output().writer()));

        assertEquals(JobResult.Outcome.FAILED, result.outcome());
        assertEquals("deadlock needs at least 6 ranks, got 5", ((RanksException) result.cause()).getMessage());
    }
}
