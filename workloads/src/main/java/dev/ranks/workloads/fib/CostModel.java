package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * Predicts how long a rank takes for one input n: {@code perInputMillis + millisAtMillion *
 * (n / 10^6)^exponent}. Only the ratios between inputs matter to the partition, so only the
 * exponent must be right on another machine; the milliseconds are the calibration machine's.
 *
 * <p>The exponent is not 2: the last doubling steps dominate, and their operands of about 0.694 n
 * bits are far beyond BigInteger's Karatsuba (2,560 bits) and Toom-Cook 3 (7,680 bits) thresholds,
 * whose costs grow as size^1.58 and size^1.46. Fitting medians of F(n) plus its
 * {@link DecimalSummary} for n from 3*10^4 to 2*10^6 (docs/fib.md, "Cost model") gives 1.55;
 * F(n) and {@code toString} of the whole value give 1.50. Below about 10^4 every input costs about
 * the same small amount, the fixed part. GMP ({@link GmpArithmetic}) multiplies by FFT beyond a few
 * thousand words, so its exponents are lower: 1.15 for the summary, 1.35 for the whole value (its
 * decimal conversion is subquadratic but costlier than F(n) itself).
 *
 * @param exponent how the variable part grows with n, above 1
 * @param millisAtMillion the variable part at n = 10^6, in milliseconds, above 0
 * @param perInputMillis the fixed part of every input, in milliseconds, at least 0
 */
public record CostModel(double exponent, double millisAtMillion, double perInputMillis) {
    /** F(n) and its digit count, first and last digits (docs/fib.md, "Cost model"). */
    public static final CostModel SUMMARY = new CostModel(1.55, 26.9, 0.015);
    /** F(n) and its whole decimal value (docs/fib.md, "Cost model"). */
    public static final CostModel FULL_VALUE = new CostModel(1.50, 84.0, 0.001);
    /** F(n) and its summary in GMP (docs/fib.md, "Cost model"). */
    public static final CostModel GMP_SUMMARY = new CostModel(1.15, 2.0, 0.1);
    /** F(n) and its whole decimal value in GMP (docs/fib.md, "Cost model"). */
    public static final CostModel GMP_FULL_VALUE = new CostModel(1.35, 8.3, 0.02);

    private static final double MILLION = 1e6;

    /**
     * Checks the values.
     *
     * @param exponent how the variable part grows with n
     * @param millisAtMillion the variable part at n = 10^6
     * @param perInputMillis the fixed part of every input
     * @throws RanksException ({@link ErrorClass#ARG}) naming a value out of range
     */
    public CostModel {
        if (!(exponent > 1) || Double.isInfinite(exponent)) {
            throw invalid("exponent " + exponent + " is invalid: expected a finite number above 1");
        }
        if (!(millisAtMillion > 0) || Double.isInfinite(millisAtMillion)) {
            throw invalid("cost at n = 10^6 of " + millisAtMillion + " ms is invalid: expected a finite number"
                    + " above 0");
        }
        if (!(perInputMillis >= 0) || Double.isInfinite(perInputMillis)) {
            throw invalid("fixed cost per input of " + perInputMillis + " ms is invalid: expected a finite number"
                    + " from 0");
        }
    }

    /**
     * @param fullValues whether the ranks write out whole values ({@code --full})
     * @return {@link #FULL_VALUE} or {@link #SUMMARY}, BigInteger's costs
     */
    public static CostModel of(boolean fullValues) {
        return fullValues ? FULL_VALUE : SUMMARY;
    }

    /**
     * @param fullValues whether the ranks write out whole values ({@code --full})
     * @param arithmetic {@link FibArithmetic#GMP} or {@link FibArithmetic#JAVA}, what the ranks compute with
     * @return {@link #GMP_FULL_VALUE} or {@link #GMP_SUMMARY} for GMP, otherwise {@link #of(boolean)}
     */
    public static CostModel of(boolean fullValues, String arithmetic) {
        if (arithmetic.equals(FibArithmetic.GMP)) {
            return fullValues ? GMP_FULL_VALUE : GMP_SUMMARY;
        }
        return of(fullValues);
    }

    /**
     * @param n an input, at least 0
     * @return the predicted time for it, in milliseconds of the calibration machine
     */
    public double millis(int n) {
        return perInputMillis + millisAtMillion * Math.pow(n / MILLION, exponent);
    }

    private static RanksException invalid(String message) {
        return new RanksException(ErrorClass.ARG, message);
    }
}
