package dev.ranks.workloads.recipes;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class AlltoallTest {
    @ParameterizedTest
    @CommSizes
    void rankRReceivesElementROfEveryRanksArray(int size) {
        Output out = new Output();

        IntracommJobs.run(size, comm -> Alltoall.run(comm, out.writer()));

        Set<String> expected = IntStream.range(0, size)
                .mapToObj(r -> "process " + r + " sending " + pythonList(size, j -> (r + 1) * j)
                        + " receiving " + pythonList(size, i -> (i + 1) * r))
                .collect(Collectors.toSet());
        assertEquals(size, out.lines().size(), () -> "lines: " + out.lines());
        assertEquals(expected, Set.copyOf(out.lines()));
    }

    @Test
    void printsTheArraysAsPythonLists() {
        Output out = new Output();

        IntracommJobs.run(3, comm -> Alltoall.run(comm, out.writer()));

        assertEquals(Set.of(
                "process 0 sending [0, 1, 2] receiving [0, 0, 0]",
                "process 1 sending [0, 2, 4] receiving [1, 2, 3]",
                "process 2 sending [0, 3, 6] receiving [2, 4, 6]"), Set.copyOf(out.lines()));
    }

    private static String pythonList(int n, IntUnaryOperator element) {
        return IntStream.range(0, n).map(element).mapToObj(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
