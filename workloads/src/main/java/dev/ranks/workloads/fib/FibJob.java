package dev.ranks.workloads.fib;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fib workload, run by every rank of a job: rank 0 partitions the distinct inputs by predicted
 * cost ({@link Partition#lpt}) and scatters the assignments; every rank computes its inputs and
 * their decimal summaries ({@link DecimalSummary}, or whole values) in its {@link FibArithmetic},
 * timing each with its thread's CPU clock; rank 0 gathers the results and puts them back in input
 * order.
 *
 * <p>Times are CPU time rather than elapsed time so that ranks sharing a core (9 ranks on 2 cores)
 * do not count the time they waited for it as work; the wall time of the run is elapsed time.
 */
public final class FibJob {
    /** The rank that partitions, gathers and reports. */
    public static final int ROOT = 0;
    /** How many first and last digits a result keeps. */
    public static final int SHOWN_DIGITS = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    /**
     * What one rank sends back to the root: never the numbers themselves, only their summaries (and
     * their decimal strings under {@code --full}), and the arithmetic the rank computed with, which
     * ranks in processes of their own choose each for themselves.
     *
     * <p>The results travel as text, one line each, and the inputs are scattered as text: a string,
     * or a record of ints, doubles and strings, is an immutable value, which the local device
     * passes by reference where a message carries it alone, and which Kryo copies cheaply where a
     * tree algorithm forwards several together; a list of records of records costs Kryo a
     * reflective serializer per class, on each rank's thread, in a JVM that has just started.
     *
     * @param rank the computing rank
     * @param results its results, a line each: n, digit count, first and last digits, CPU milliseconds
     *     and the whole value or nothing, separated by spaces
     * @param busyMillis its CPU time for all of them
     * @param arithmetic its arithmetic's name
     */
    private record RankWork(int rank, String results, double busyMillis, String arithmetic) {
        static RankWork of(int rank, List<FibResult> results, double busyMillis, String arithmetic) {
            StringBuilder text = new StringBuilder();
            for (FibResult r : results) {
                text.append(r.n()).append(' ').append(r.decimal().digits()).append(' ').append(r.decimal().first())
                        .append(' ').append(r.decimal().last()).append(' ').append(r.millis()).append(' ')
                        .append(r.value()).append('\n');
            }
            return new RankWork(rank, text.toString(), busyMillis, arithmetic);
        }

        List<FibResult> decoded() {
            return results.lines().map(line -> {
                String[] f = line.split(" ", -1);
                return new FibResult(Integer.parseInt(f[0]), new DecimalSummary(Integer.parseInt(f[1]), f[2], f[3]),
                        f[5], rank, Double.parseDouble(f[4]));
            }).toList();
        }
    }

    private FibJob() {
    }

    /**
     * Computes F(n) for every input across the ranks of {@code comm}; every rank calls it. Only the
     * root reads {@code inputs} and gets the report.
     *
     * @param comm this rank's communicator
     * @param inputs the inputs, each from 0 to {@link FibInputs#MAX_N}, at least one; repeats are
     *     computed once and reported each time
     * @param fullValues whether the ranks write each F(n) out in full ({@code --full}), not only its
     *     digit count and first and last digits
     * @return on the root, the report; on the other ranks, null
     * @throws RanksException ({@link ErrorClass#ARG}), on the root, when {@code inputs} is empty or
     *     holds a value out of range
     */
    public static FibReport run(Intracomm comm, List<Integer> inputs, boolean fullValues) {
        return run(comm, inputs, fullValues, () -> { });
    }

    /**
     * {@link #run(Intracomm, List, boolean)} in the arithmetic {@code --arith auto} picks: GMP where
     * it loads, otherwise BigInteger.
     *
     * @param comm this rank's communicator
     * @param inputs the inputs, as above
     * @param fullValues whether the values are written out in full
     * @param computed called on the computing rank's thread after each of its inputs; where the ranks are threads of
     *     one JVM, from several at once
     * @return on the root, the report; on the other ranks, null
     */
    public static FibReport run(Intracomm comm, List<Integer> inputs, boolean fullValues, Runnable computed) {
        return run(comm, inputs, fullValues, FibArithmetic.choose(FibArithmetic.AUTO), computed);
    }

    /**
     * {@link #run(Intracomm, List, boolean)} in the given arithmetic, telling {@code computed} after each distinct
     * input a rank computes, as a progress bar counts them.
     *
     * @param comm this rank's communicator
     * @param inputs the inputs, as above
     * @param fullValues whether the values are written out in full
     * @param arithmetic what this rank computes with; the root's also chooses the cost model of the partition
     * @param computed called on the computing rank's thread after each of its inputs; where the ranks are threads of
     *     one JVM, from several at once
     * @return on the root, the report; on the other ranks, null
     */
    public static FibReport run(Intracomm comm, List<Integer> inputs, boolean fullValues, FibArithmetic arithmetic,
                                Runnable computed) {
        if (comm.rank() == ROOT) {
            check(inputs);
        }
        return distributed(comm, inputs, fullValues, arithmetic, computed);
    }

    private static FibReport distributed(Intracomm comm, List<Integer> inputs, boolean fullValues,
                                         FibArithmetic arithmetic, Runnable computed) {
        CostModel model = CostModel.of(fullValues, arithmetic.name());
        double start = comm.wtime();
        Partition partition = comm.rank() == ROOT ? Partition.lpt(inputs, comm.size(), model) : null;
        List<String> parts = partition == null ? null : partition.assignments().stream()
                .map(ns -> ns.stream().map(String::valueOf).collect(Collectors.joining(" "))).toList();
        String part = comm.scatter(parts, ROOT);
        List<Integer> mine = part.isEmpty() ? List.of()
                : Arrays.stream(part.split(" ")).map(Integer::valueOf).toList();
        RankWork work = compute(comm.rank(), mine, fullValues, arithmetic, computed);
        List<RankWork> gathered = comm.gather(work, ROOT);
        if (comm.rank() != ROOT) {
            return null;
        }
        double wallMillis = (comm.wtime() - start) * 1e3;
        return report(inputs, partition, gathered, wallMillis);
    }

    private static RankWork compute(int rank, List<Integer> ns, boolean fullValues, FibArithmetic arithmetic,
                                    Runnable computed) {
        List<FibResult> results = new ArrayList<>();
        long start = cpuNanos();
        for (int n : ns) {
            long before = cpuNanos();
            String value = fullValues ? arithmetic.decimal(n) : "";
            DecimalSummary decimal = fullValues ? DecimalSummary.of(value, SHOWN_DIGITS)
                    : arithmetic.summary(n, SHOWN_DIGITS);
            results.add(new FibResult(n, decimal, value, rank, (cpuNanos() - before) / 1e6));
            computed.run();
        }
        return RankWork.of(rank, results, (cpuNanos() - start) / 1e6, arithmetic.name());
    }

    private static FibReport report(List<Integer> inputs, Partition partition, List<RankWork> gathered,
                                    double wallMillis) {
        Map<Integer, FibResult> byInput = new HashMap<>();
        List<RankLoad> loads = new ArrayList<>();
        Set<String> arithmetics = new TreeSet<>();
        for (RankWork work : gathered) {
            arithmetics.add(work.arithmetic());
            List<FibResult> results = work.decoded();
            results.forEach(result -> byInput.put(result.n(), result));
            loads.add(new RankLoad(work.rank(), results.size(),
                    partition.predictedMillis().get(work.rank()), work.busyMillis()));
        }
        List<FibResult> inOrder = inputs.stream().map(byInput::get).toList();
        return new FibReport(inOrder, loads, byInput.size(), wallMillis, "rank", String.join("+", arithmetics));
    }

    private static void check(List<Integer> inputs) {
        if (inputs.isEmpty()) {
            throw new RanksException(ErrorClass.ARG, "no inputs: expected at least one n to compute F(n) for");
        }
        for (int n : inputs) {
            if (n < 0 || n > FibInputs.MAX_N) {
                throw new RanksException(ErrorClass.ARG, "input " + n + " is invalid: expected from 0 to "
                        + FibInputs.MAX_N);
            }
        }
    }

    /** This thread's CPU time where the JVM measures it, otherwise elapsed time. */
    private static long cpuNanos() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
