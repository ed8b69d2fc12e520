package dev.ranks.workloads.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionTest {
    private static final CostModel MODEL = CostModel.SUMMARY;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 11, 16})
    void everyDistinctInputGoesToExactlyOneRank(int ranks) {
        List<Integer> inputs = new ArrayList<>(FibInputs.defaults());
        inputs.addAll(List.of(1000, 1_000_000, 0, 1000));

        Partition partition = Partition.lpt(inputs, ranks, MODEL);

        assertEquals(ranks, partition.assignments().size());
        List<Integer> assigned = partition.assignments().stream().flatMap(List::stream).sorted().toList();
        assertEquals(inputs.stream().distinct().sorted().toList(), assigned);
        for (int rank = 0; rank < ranks; rank++) {
            double load = partition.assignments().get(rank).stream().mapToDouble(MODEL::millis).sum();
            assertEquals(load, partition.predictedMillis().get(rank), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 9, 11})
    void lptIsWithinFourThirdsOfTheLowerBoundAndFarBelowAnEqualSplit(int ranks) {
        List<Integer> skewed = FibInputs.defaults();

        Partition lpt = Partition.lpt(skewed, ranks, MODEL);

        double total = skewed.stream().mapToDouble(MODEL::millis).sum();
        double largest = skewed.stream().mapToDouble(MODEL::millis).max().orElseThrow();
        double lowerBound = Math.max(total / ranks, largest);
        assertTrue(lpt.maxMillis() <= 4.0 / 3 * lowerBound, () -> lpt.maxMillis() + " > 4/3 of " + lowerBound);
        double equalSplit = equalContiguousSplitMax(skewed, ranks);
        assertTrue(lpt.maxMillis() < 0.75 * equalSplit, () -> "LPT " + lpt.maxMillis() + " vs equal split "
                + equalSplit);
    }

    @Test
    void randomBatchesBalanceToAFewPercent() {
        for (long seed = 1; seed <= 20; seed++) {
            List<Integer> batch = FibInputs.random(200, 1_000_000, seed);
            Partition lpt = Partition.lpt(batch, 9, MODEL);
            double total = batch.stream().distinct().mapToDouble(MODEL::millis).sum();
            long seedUsed = seed;
            assertTrue(lpt.maxMillis() <= 1.05 * total / 9, () -> "seed " + seedUsed + ": max " + lpt.maxMillis()
                    + ", mean " + total / 9);
            assertEquals(total / 9, lpt.meanMillis(), 1e-6);
        }
    }

    @Test
    void costliestInputsGoFirstOntoTheLeastLoadedRank() {
        Partition partition = Partition.lpt(List.of(10, 20, 30, 40), 3, MODEL);

        assertEquals(List.of(List.of(40), List.of(30), List.of(20, 10)), partition.assignments());
    }

    @Test
    void repeatsAreAssignedOnceAndEqualLoadsGoToTheLowerRank() {
        Partition partition = Partition.lpt(List.of(5, 5, 5), 4, MODEL);

        assertEquals(List.of(List.of(5), List.of(), List.of(), List.of()), partition.assignments());
        assertEquals(0.0, partition.predictedMillis().get(3));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class,
                () -> Partition.lpt(List.of(1), 0, MODEL)).errorClass());
        assertEquals(ErrorClass.ARG, assertThrows(RanksException.class,
                () -> Partition.lpt(List.of(1, -2), 2, MODEL)).errorClass());
    }

    @Test
    void costGrowsFasterThanLinearly() {
        assertTrue(MODEL.millis(1_000_000) > 25 * MODEL.millis(100_000));
        assertTrue(CostModel.FULL_VALUE.millis(1_000_000) > MODEL.millis(1_000_000));
    }

    /** The books' first try: as many inputs per rank as possible, in order, in contiguous slices. */
    private static double equalContiguousSplitMax(List<Integer> inputs, int ranks) {
        return IntStream.range(0, ranks)
                .mapToDouble(rank -> inputs.subList(rank * inputs.size() / ranks, (rank + 1) * inputs.size() / ranks)
                        .stream().mapToDouble(MODEL::millis).sum())
                .max().orElseThrow();
    }
}
