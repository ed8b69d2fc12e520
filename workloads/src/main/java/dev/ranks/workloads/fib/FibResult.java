package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * One computed input: F(n) summarised in decimal, and where and how long it was computed.
 *
 * @param n the input
 * @param decimal F(n)'s digit count and first and last digits
 * @param value F(n) written out in full when whole values were asked for, otherwise empty
 * @param rank the rank that computed it
 * @param millis the CPU time that rank spent on it, F(n) and its decimal digits, in milliseconds
 */
public record FibResult(int n, DecimalSummary decimal, String value, int rank, double millis) {
    /**
     * Checks the values.
     *
     * @param n the input
     * @param decimal F(n)'s decimal summary
     * @param value F(n) in full, or empty
     * @param rank the computing rank
     * @param millis the time spent on it
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code n}, {@code rank} or {@code millis}
     *     is negative, or {@code value} is neither empty nor as long as the digit count
     */
    public FibResult {
        if (n < 0 || rank < 0 || !(millis >= 0)) {
            throw new RanksException(ErrorClass.ARG, "result for n = " + n + " from rank " + rank + " taking "
                    + millis + " ms is invalid: expected non-negative n, rank and time");
        }
        if (!value.isEmpty() && value.length() != decimal.digits()) {
            throw new RanksException(ErrorClass.ARG, "result for n = " + n + " has a value of " + value.length()
                    + " digits but a digit count of " + decimal.digits() + ": expected the same");
        }
    }

    /** @return whether {@link #value()} holds F(n) in full */
    public boolean hasValue() {
        return !value.isEmpty();
    }
}
