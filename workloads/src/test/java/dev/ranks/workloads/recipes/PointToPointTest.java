package dev.ranks.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointToPointTest {
    @ParameterizedTest
    @ValueSource(ints = {9, 10, 16})
    void printsTheCookbooksLines(int size) {
        Output out = new Output();

        JobResult result = Ranks.run(size, comm -> PointToPoint.run(comm, out.writer()));

        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        List<String> expected = new ArrayList<>(List.of(
                "sending data 10000000 to process 4",
                "sending data hello to process 8",
                "data received is = 10000000",
                "data1 received is = hello"));
        IntStream.range(0, size).forEach(r -> expected.add("my rank is : " + r));
        assertEquals(expected.size(), out.lines().size(), () -> "lines: " + out.lines());
        assertTrue(out.lines().containsAll(expected), () -> "lines: " + out.lines());
    }

    @Test
    void worksWhenEveryMessageWaitsForItsReceive() {
        Output out = new Output();

        JobResult result = Ranks.run(9, Settings.defaults().withEagerLimit(0),
                comm -> PointToPoint.run(comm, out.writer()));

        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        assertTrue(out.lines().contains("data received is = 10000000"), () -> "lines: " + out.lines());
        assertTrue(out.lines().contains("data1 received is = hello"), () -> "lines: " + out.lines());
    }

    @Test
    void namesTheRanksItNeeds() {
        JobResult result = Ranks.run(4, comm -> PointToPoint.run(comm, new Output().writer()));

        assertEquals(JobResult.Outcome.FAILED, result.outcome());
        RanksException cause = (RanksException) result.cause();
        assertEquals("p2p needs at least 9 ranks, got 4", cause.getMessage());
    }
}
