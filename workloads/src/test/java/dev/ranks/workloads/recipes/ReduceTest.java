package dev.ranks.workloads.recipes;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ranks.collectives.Op;
import dev.ranks.comm.testkit.CommSizes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReduceTest {
    @ParameterizedTest
    @CommSizes
    void theRootPrintsTheSumAndEveryRankWhatItSent(int size) {
        Output out = new Output();

        IntracommJobs.run(size, comm -> Reduce.run(comm, Op.SUM, out.writer()));

        int ranksSum = size * (size + 1) / 2;
        Set<String> expected = IntStream.range(0, size)
                .mapToObj(r -> "process " + r + " sending " + pythonList(i -> (r + 1) * i))
                .collect(Collectors.toCollection(HashSet::new));
        expected.add("on task 0, after Reduce: data = " + pythonList(i -> ranksSum * i));
        assertEquals(size + 1, out.lines().size(), () -> "lines: " + out.lines());
        assertEquals(expected, Set.copyOf(out.lines()));
    }

    @Test
    void onNineRanksTheSumIsFortyFiveTimesI() {
        Output out = new Output();

        IntracommJobs.run(9, comm -> Reduce.run(comm, Op.SUM, out.writer()));

        assertEquals(List.of("on task 0, after Reduce: data = [0, 45, 90, 135, 180, 225, 270, 315, 360, 405]"),
                out.lines().stream().filter(line -> line.startsWith("on task")).toList());
    }

    /** On 3 ranks element i of the arrays is i, 2i and 3i. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SUM  | [0, 6, 12, 18, 24, 30, 36, 42, 48, 54]",
        "PROD | [0, 6, 48, 162, 384, 750, 1296, 2058, 3072, 4374]",
        "MAX  | [0, 3, 6, 9, 12, 15, 18, 21, 24, 27]",
        "MIN  | [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
        "BOR  | [0, 3, 6, 15, 12, 15, 30, 31, 24, 27]",
        "LXOR | [0, 1, 1, 1, 1, 1, 1, 1, 1, 1]"})
    void otherOpsCombineElementByElement(String op, String data) {
        Output out = new Output();

        IntracommJobs.run(3, comm -> Reduce.run(comm, Op.named(op), out.writer()));

        assertEquals(List.of("on task 0, after Reduce: data = " + data),
                out.lines().stream().filter(line -> line.startsWith("on task")).toList());
    }

    @Test
    void offersTheElementWiseBuiltInsOnly() {
        assertEquals(Op.builtIns().size() - 2, Reduce.OPS.size());
        assertFalse(Reduce.OPS.contains(Op.MAXLOC));
        assertFalse(Reduce.OPS.contains(Op.MINLOC));
    }

    private static String pythonList(IntUnaryOperator element) {
        return IntStream.range(0, Reduce.ARRAY_SIZE).map(element).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
