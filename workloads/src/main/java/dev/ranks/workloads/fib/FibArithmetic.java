package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The big-integer arithmetic a rank computes F(n) with: GMP ({@link GmpArithmetic}, through
 * libgmp.so.10 where it is installed), whose multiplication is an FFT beyond a few thousand words,
 * so that F(10^6) takes 13 times less time than with BigInteger's Toom-Cook 3 and F(10^7) 40 times
 * less, or Java's own
 * {@link BigInteger} ({@link JavaArithmetic}), which is always there. {@link #choose} picks one for
 * {@code launcher fib --arith}. Every implementation is exact and safe to call from several threads
 * at once, as the ranks of the local device are.
 */
public interface FibArithmetic {
    /** {@code --arith}'s default: GMP where it loads, otherwise BigInteger. */
    String AUTO = "auto";
    /** {@code --arith gmp}: GMP, or a usage error where it does not load. */
    String GMP = "gmp";
    /** {@code --arith java}: BigInteger. */
    String JAVA = "java";

    /** @return {@code gmp} or {@code java}, as reports name it */
    String name();

    /**
     * Computes F(n) and summarises it, without writing it out in decimal.
     *
     * @param n the index, 0 to {@link FibInputs#MAX_N}
     * @param count how many first and last digits to keep, 1 to 18
     * @return F(n)'s digit count and first and last digits
     */
    DecimalSummary summary(int n, int count);

    /**
     * Computes F(n) and writes it out in decimal.
     *
     * @param n the index, 0 to {@link FibInputs#MAX_N}
     * @return F(n)'s decimal digits
     */
    String decimal(int n);

    /**
     * Computes F(n).
     *
     * @param n the index, 0 to {@link FibInputs#MAX_N}
     * @return F(n), exactly
     */
    BigInteger value(int n);

    /**
     * Picks the arithmetic {@code --arith} names.
     *
     * @param choice {@link #AUTO}, {@link #GMP} or {@link #JAVA}
     * @return GMP for {@code gmp}, and for {@code auto} where GMP loads; BigInteger otherwise
     * @throws RanksException ({@link ErrorClass#USAGE}) when {@code choice} is none of the three, or
     *     is {@code gmp} and GMP does not load, saying why and what to install
     */
    static FibArithmetic choose(String choice) {
        return switch (choice.toLowerCase(Locale.ROOT)) {
            case AUTO -> GmpArithmetic.load().map(FibArithmetic.class::cast).orElse(JavaArithmetic.INSTANCE);
            case GMP -> GmpArithmetic.load().orElseThrow(() -> new RanksException(ErrorClass.USAGE,
                    "--arith gmp: GMP is unavailable (" + GmpArithmetic.problem() + "): install libgmp10"
                            + " (Debian: sudo apt-get install libgmp10), or use --arith java or auto"));
            case JAVA -> JavaArithmetic.INSTANCE;
            default -> throw new RanksException(ErrorClass.USAGE, "--arith '" + choice + "' is invalid: expected "
                    + AUTO + ", " + GMP + " or " + JAVA);
        };
    }
}
