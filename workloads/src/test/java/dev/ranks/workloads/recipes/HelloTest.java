package dev.ranks.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelloTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 9})
    void everyRankSaysWhoItIs(int size) {
        Output out = new Output();

        JobResult result = Ranks.run(size, comm -> Hello.run(comm, out.writer()));

        assertEquals(JobResult.Outcome.COMPLETED, result.outcome(), result::describe);
        Set<String> expected = IntStream.range(0, size)
                .mapToObj(r -> "hello world from process " + r + " of " + size)
                .collect(Collectors.toSet());
        assertEquals(size, out.lines().size(), () -> "lines: " + out.lines());
        assertEquals(expected, Set.copyOf(out.lines()));
    }
}
