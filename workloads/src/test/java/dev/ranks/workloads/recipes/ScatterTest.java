package dev.ranks.workloads.recipes;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.testkit.CommSizes;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScatterTest {
    @ParameterizedTest
    @CommSizes
    void rankRGetsItemRPlusOne(int size) {
        Output out = new Output();

        IntracommJobs.run(size, comm -> Scatter.run(comm, out.writer()));

        Set<String> expected = IntStream.range(0, size)
                .mapToObj(r -> "process = " + r + " variable shared = " + (r + 1))
                .collect(Collectors.toSet());
        assertEquals(size, out.lines().size(), () -> "lines: " + out.lines());
        assertEquals(expected, Set.copyOf(out.lines()));
    }

    /** As mpi4py's ValueError: the root's list must hold one item per rank. */
    @ParameterizedTest
    @CsvSource({"4, 3", "4, 5", "1, 0", "3, 0"})
    void aListOfTheWrongLengthFailsAtTheRoot(int size, int count) {
        Output out = new Output();

        JobResult result = IntracommJobs.result(size, comm -> Scatter.run(comm, count, out.writer()));

        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(Scatter.ROOT, result.rank());
        RanksException cause = (RanksException) result.cause();
        assertEquals(ErrorClass.COUNT, cause.errorClass());
        assertEquals("scatter: expecting " + size + " items, got " + count, cause.getMessage());
        assertEquals(0, out.lines().size(), () -> "lines: " + out.lines());
    }

    @Test
    void aNegativeCountIsNamed() {
        JobResult result = IntracommJobs.result(2, comm -> Scatter.run(comm, -1, new Output().writer()));

        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        RanksException cause = (RanksException) result.cause();
        assertEquals(ErrorClass.ARG, cause.errorClass());
        assertEquals("scatter count -1 is invalid: expected at least 0 items", cause.getMessage());
    }
}
