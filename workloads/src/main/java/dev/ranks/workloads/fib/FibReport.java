package dev.ranks.workloads.fib;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a fib run gathered on rank 0: a result per input, in input order (a repeated input appears
 * each time, computed once), each rank's load, and the wall time. It prints as a table or as JSON
 * lines, either ending with the per-rank loads and a summary.
 *
 * @param results one per input, in input order
 * @param loads one per rank, in rank order
 * @param distinct how many distinct inputs were computed
 * @param wallMillis rank 0's elapsed time from partitioning to the last result gathered, in milliseconds
 * @param unit what computed the results: {@code rank} for a rank job, {@code worker} for the workers
 *     of a pipeline engine ({@code launcher fib --engine}), whose numbers the rows and loads then
 *     carry; it names the column, the load lines, the summary's count and the JSON keys
 * @param arithmetic what the values were computed with, {@link FibArithmetic#GMP} or
 *     {@link FibArithmetic#JAVA} (both, joined by {@code +}, where ranks in processes of their own
 *     chose differently)
 */
public record FibReport(List<FibResult> results, List<RankLoad> loads, int distinct, double wallMillis, String unit,
                        String arithmetic) {
    /**
     * Copies the lists.
     *
     * @param results one per input
     * @param loads one per rank or worker
     * @param distinct how many distinct inputs
     * @param wallMillis the wall time
     * @param unit {@code rank} or {@code worker}
     * @param arithmetic {@code gmp}, {@code java} or both
     */
    public FibReport {
        results = List.copyOf(results);
        loads = List.copyOf(loads);
        if (!unit.equals("rank") && !unit.equals("worker")) {
            throw new IllegalArgumentException("fib report unit '" + unit + "' is invalid: expected rank or worker");
        }
        if (!arithmetic.matches("[a-z]+(\\+[a-z]+)*")) {
            throw new IllegalArgumentException("fib report arithmetic '" + arithmetic + "' is invalid: expected"
                    + " gmp, java, or names joined by +");
        }
    }

    /**
     * A report of values computed with BigInteger.
     *
     * @param results one per input
     * @param loads one per rank or worker
     * @param distinct how many distinct inputs
     * @param wallMillis the wall time
     * @param unit {@code rank} or {@code worker}
     */
    public FibReport(List<FibResult> results, List<RankLoad> loads, int distinct, double wallMillis, String unit) {
        this(results, loads, distinct, wallMillis, unit, FibArithmetic.JAVA);
    }

    /**
     * A rank job's report.
     *
     * @param results one per input
     * @param loads one per rank
     * @param distinct how many distinct inputs
     * @param wallMillis the wall time
     */
    public FibReport(List<FibResult> results, List<RankLoad> loads, int distinct, double wallMillis) {
        this(results, loads, distinct, wallMillis, "rank", FibArithmetic.JAVA);
    }

    /**
     * @return the load imbalance: the busiest rank's CPU time over the mean over all ranks, idle ones
     *     included; 1 is perfect balance, and 1 when no rank measured any time
     */
    public double imbalance() {
        double mean = meanBusy();
        return mean > 0 ? maxBusy() / mean : 1;
    }

    /**
     * @return one line: inputs, ranks, the arithmetic, wall time, the busiest and mean rank's CPU
     *     time, and the load imbalance
     */
    public String summary() {
        return String.format(Locale.ROOT, "fib: %d inputs (%d distinct) on %d %ss, %s arithmetic, wall %.1f ms,"
                        + " busy max %.1f ms, mean %.1f ms, imbalance %.2f (max/mean busy)",
                results.size(), distinct, loads.size(), unit, arithmetic, wallMillis, maxBusy(), meanBusy(),
                imbalance());
    }

    /**
     * Prints a table, one row per input: n, digit count, rank, milliseconds, then the value (whole
     * when it was kept or has at most twice {@link FibJob#SHOWN_DIGITS} digits, otherwise first and
     * last digits with an ellipsis between); then a line per rank, then {@link #summary()}.
     *
     * @param out where the table goes
     */
    public void printText(PrintWriter out) {
        int nWidth = Math.max(1, results.stream().mapToInt(r -> Integer.toString(r.n()).length()).max().orElse(1));
        int digitsWidth = Math.max("digits".length(),
                results.stream().mapToInt(r -> Integer.toString(r.decimal().digits()).length()).max().orElse(1));
        String row = "%" + nWidth + "s  %" + digitsWidth + "s  %" + unit.length() + "s  %9s  %s%n";
        out.printf(Locale.ROOT, row, "n", "digits", unit, "ms", "value");
        for (FibResult r : results) {
            out.printf(Locale.ROOT, row, r.n(), r.decimal().digits(), r.rank(),
                    String.format(Locale.ROOT, "%.3f", r.millis()), r.hasValue() ? r.value() : r.decimal().abbreviated());
        }
        for (RankLoad load : loads) {
            out.printf(Locale.ROOT, "%s %d: %d inputs, predicted %.1f ms, busy %.1f ms%n", unit, load.rank(),
                    load.inputs(), load.predictedMillis(), load.busyMillis());
        }
        out.println(summary());
        out.flush();
    }

    /**
     * Prints JSON lines: per input, in input order,
     * {@code {"n":..,"digits":..,"first":"..","last":"..","rank":..,"ms":..}} ({@code "value"} in
     * place of {@code "first"} and {@code "last"} when whole values were kept); then one
     * {@code {"summary":{"inputs":..,"distinct":..,"ranks":..,"wall_ms":..,"imbalance":..,
     * "busy_ms":[..],"predicted_ms":[..],"arith":".."}}}, the arrays in rank order.
     *
     * @param out where the lines go
     */
    public void printJson(PrintWriter out) {
        for (FibResult r : results) {
            String digits = r.hasValue()
                    ? "\"value\":\"" + r.value() + "\""
                    : "\"first\":\"" + r.decimal().first() + "\",\"last\":\"" + r.decimal().last() + "\"";
            out.printf(Locale.ROOT, "{\"n\":%d,\"digits\":%d,%s,\"%s\":%d,\"ms\":%.3f}%n",
                    r.n(), r.decimal().digits(), digits, unit, r.rank(), r.millis());
        }
        out.printf(Locale.ROOT, "{\"summary\":{\"inputs\":%d,\"distinct\":%d,\"%ss\":%d,\"wall_ms\":%.3f,"
                        + "\"imbalance\":%.3f,\"busy_ms\":[%s],\"predicted_ms\":[%s],\"arith\":\"%s\"}}%n",
                results.size(), distinct, unit, loads.size(), wallMillis, imbalance(),
                join(loads.stream().map(RankLoad::busyMillis).toList()),
                join(loads.stream().map(RankLoad::predictedMillis).toList()), arithmetic);
        out.flush();
    }

    private double maxBusy() {
        return loads.stream().mapToDouble(RankLoad::busyMillis).max().orElse(0);
    }

    private double meanBusy() {
        return loads.stream().mapToDouble(RankLoad::busyMillis).average().orElse(0);
    }

    private static String join(List<Double> millis) {
        return millis.stream().map(ms -> String.format(Locale.ROOT, "%.3f", ms)).collect(Collectors.joining(","));
    }
}
