package dev.ranks.workloads.recipes;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;

class BcastTest {
    @ParameterizedTest
    @CommSizes
    void everyRankPrintsTheRootsValue(int size) {
        Output out = new Output();

        IntracommJobs.run(size, comm -> Bcast.run(comm, out.writer()));

        Set<String> expected = IntStream.range(0, size)
                .mapToObj(r -> "process = " + r + " variable shared = 100")
                .collect(Collectors.toSet());
        assertEquals(size, out.lines().size(), () -> "lines: " + out.lines());
        assertEquals(expected, Set.copyOf(out.lines()));
    }
}
