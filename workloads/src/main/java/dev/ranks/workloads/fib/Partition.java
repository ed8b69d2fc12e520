package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which ranks compute which inputs, and the load each is predicted to carry.
 *
 * <p>{@link #lpt} is Graham's longest-processing-time-first rule: the distinct inputs, costliest
 * first, each onto the rank with the least predicted load so far. Its busiest rank carries at most
 * 4/3 - 1/(3 * ranks) times the optimum. An equal count per rank does much worse here, because the
 * cost grows as about n^1.5: on the default batch, equal contiguous slices on 9 ranks give the last
 * rank nearly three times the mean load (docs/fib.md).
 *
 * <p>An example on 3 ranks, inputs with predicted costs 7, 5, 4, 3, 3, 2: 7 goes to rank 0, 5 to
 * rank 1, 4 to rank 2, 3 to rank 2 (now 7), 3 to rank 1 (now 8), 2 to rank 0 (now 9); loads 9, 8, 7
 * against a mean of 8.
 *
 * @param assignments for each rank, the distinct inputs it computes, costliest first
 * @param predictedMillis for each rank, the sum of its inputs' predicted costs
 */
public record Partition(List<List<Integer>> assignments, List<Double> predictedMillis) {
    /**
     * Checks and copies the lists.
     *
     * @param assignments for each rank, its inputs
     * @param predictedMillis for each rank, its predicted load
     * @throws RanksException ({@link ErrorClass#ARG}) when there are no ranks or the lists differ in length
     */
    public Partition {
        if (assignments.isEmpty() || assignments.size() != predictedMillis.size()) {
            throw new RanksException(ErrorClass.ARG, "partition of " + assignments.size() + " assignments and "
                    + predictedMillis.size() + " loads is invalid: expected one of each per rank, at least 1 rank");
        }
        assignments = assignments.stream().map(List::copyOf).toList();
        predictedMillis = List.copyOf(predictedMillis);
    }

    /**
     * Partitions inputs by longest processing time first. Each distinct input goes to exactly one
     * rank; ties in cost go larger n first, ties in load to the lower rank, so the result depends
     * only on the arguments.
     *
     * @param inputs the inputs, each at least 0, repeats allowed
     * @param ranks the number of ranks, at least 1
     * @param model the predicted cost of each input
     * @return the partition
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code ranks} is below 1 or an input is negative
     */
    public static Partition lpt(Collection<Integer> inputs, int ranks, CostModel model) {
        if (ranks < 1) {
            throw new RanksException(ErrorClass.ARG, "rank count " + ranks + " is invalid: expected at least 1");
        }
        for (int n : inputs) {
            if (n < 0) {
                throw new RanksException(ErrorClass.ARG, "input " + n + " is invalid: expected at least 0");
            }
        }
        return longestFirst(new LinkedHashSet<>(inputs), ranks, model);
    }

    /** @return the predicted load of the busiest rank, in milliseconds */
    public double maxMillis() {
        return predictedMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** @return the predicted load averaged over all ranks, in milliseconds */
    public double meanMillis() {
        return predictedMillis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static Partition longestFirst(Collection<Integer> distinct, int ranks, CostModel model) {
        List<Integer> order = new ArrayList<>(distinct);
        order.sort(Comparator.comparingDouble((Integer n) -> model.millis(n)).thenComparing(n -> n).reversed());
        List<List<Integer>> assignments = new ArrayList<>();
        double[] loads = new double[ranks];
        PriorityQueue<Integer> leastLoaded = new PriorityQueue<>(
                Comparator.comparingDouble((Integer rank) -> loads[rank]).thenComparingInt(rank -> rank));
        for (int rank = 0; rank < ranks; rank++) {
            assignments.add(new ArrayList<>());
            leastLoaded.add(rank);
        }
        for (int n : order) {
            int rank = leastLoaded.poll();
            assignments.get(rank).add(n);
            loads[rank] += model.millis(n);
            leastLoaded.add(rank);
        }
        List<Double> predicted = new ArrayList<>();
        for (double load : loads) {
            predicted.add(load);
        }
        return new Partition(assignments, predicted);
    }
}
