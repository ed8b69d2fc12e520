package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The number of decimal digits of a non-negative integer and its first and last digits, found
 * without writing the whole number in decimal.
 *
 * <p>{@link BigInteger#toString()} of F(10^6), 208,988 digits, takes about 57 ms on the machine of
 * docs/fib.md, more than twice as long as computing F(10^6) itself; this summary takes under 1 ms:
 * <ul>
 *   <li>the last digits are the remainder modulo 10^count, a division by a two-word number,
 *       linear in the size;
 *   <li>the digit count and the first digits come from the top 128 bits: the value v lies in
 *       [top * 2^s, (top + 1) * 2^s), and 2^s is computed to 50 significant digits twice, rounding
 *       every step down and then up, which brackets v between two decimals. Where both ends of the
 *       bracket have the same digit count and the same first digits, so has v, exactly; where they
 *       differ (v within about 2^-127 of a change of digit, vanishingly rare) it falls back to
 *       {@code toString}.
 * </ul>
 *
 * @param digits the number of decimal digits, 1 for zero
 * @param first the first {@code min(count, digits)} digits
 * @param last the last {@code min(count, digits)} digits, with their leading zeros
 */
public record DecimalSummary(int digits, String first, String last) {
    /** Values up to this many bits are written out whole; longer ones are summarised from this many top bits. */
    static final int TOP_BITS = 128;
    private static final MathContext DOWN = new MathContext(50, RoundingMode.FLOOR);
    private static final MathContext UP = new MathContext(50, RoundingMode.CEILING);
    // Computed once, so that a summary multiplies only the powers its shift's bits pick, not squares too.
    private static final BigDecimal[] SQUARES_DOWN = squares(DOWN);
    private static final BigDecimal[] SQUARES_UP = squares(UP);

    /**
     * Checks the values.
     *
     * @param digits the number of decimal digits
     * @param first the first digits
     * @param last the last digits
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code digits} is below 1, or
     *     {@code first} and {@code last} differ in length or are longer than {@code digits}
     */
    public DecimalSummary {
        if (digits < 1 || first.isEmpty() || first.length() != last.length() || first.length() > digits) {
            throw new RanksException(ErrorClass.ARG, "decimal summary of " + digits + " digits, first '" + first
                    + "', last '" + last + "' is invalid: expected as many first as last digits, 1 to " + digits);
        }
    }

    /**
     * Summarises a non-negative integer.
     *
     * @param value the integer, at least 0
     * @param count how many first and last digits to keep, at least 1
     * @return its digit count and its first and last {@code count} digits (all of them when it has fewer)
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code value} is negative or {@code count} below 1
     */
    public static DecimalSummary of(BigInteger value, int count) {
        if (value.signum() < 0) {
            throw new RanksException(ErrorClass.ARG, "value " + value + " is invalid: expected at least 0");
        }
        if (count < 1) {
            throw new RanksException(ErrorClass.ARG, "digit count " + count + " is invalid: expected at least 1");
        }
        if (value.bitLength() <= TOP_BITS) {
            return of(value.toString(), count);
        }
        return bracketed(value, count);
    }

    /**
     * Summarises an integer already written in decimal.
     *
     * @param decimal the integer's decimal digits, without sign or leading zeros
     * @param count how many first and last digits to keep, at least 1
     * @return its digit count and its first and last {@code count} digits
     */
    public static DecimalSummary of(String decimal, int count) {
        int kept = Math.min(count, decimal.length());
        return new DecimalSummary(decimal.length(), decimal.substring(0, kept),
                decimal.substring(decimal.length() - kept));
    }

    /**
     * @return the whole number when the first and last digits cover all of it (up to twice the
     *     count kept), otherwise the first digits, an ellipsis and the last digits
     */
    public String abbreviated() {
        int kept = first.length();
        if (digits <= kept) {
            return first;
        }
        if (digits <= 2 * kept) {
            return first + last.substring(2 * kept - digits);
        }
        return first + "…" + last;
    }

    private static DecimalSummary bracketed(BigInteger value, int count) {
        int shift = value.bitLength() - TOP_BITS;
        return bracketed(value.shiftRight(shift), shift, count, kept -> value.mod(BigInteger.TEN.pow(kept)),
                value::toString);
    }

    /**
     * Summarises a value of more than {@link #TOP_BITS} bits from its top bits, whatever holds it
     * (a BigInteger, or GMP's mpz in {@link GmpArithmetic}).
     *
     * @param top the value's top {@link #TOP_BITS} bits: the value shifted right by {@code shift}
     * @param shift how many bits were shifted away, at least 1
     * @param count how many first and last digits to keep
     * @param remainder the value modulo 10^k, for k up to {@code count}
     * @param whole the value in decimal, asked for only where the bracket cannot decide
     * @return the summary
     */
    static DecimalSummary bracketed(BigInteger top, int shift, int count, IntFunction<BigInteger> remainder,
                                    Supplier<String> whole) {
        BigDecimal low = new BigDecimal(top).multiply(powerOfTwo(shift, DOWN), DOWN);
        BigDecimal high = new BigDecimal(top.add(BigInteger.ONE)).multiply(powerOfTwo(shift, UP), UP);
        int digits = integerDigits(low);
        int kept = Math.min(count, digits);
        String first = leading(low, digits, kept);
        if (integerDigits(high) != digits || !leading(high, digits, kept).equals(first)) {
            return of(whole.get(), count);
        }
        String last = remainder.apply(kept).toString();
        return new DecimalSummary(digits, first, "0".repeat(kept - last.length()) + last);
    }

    /** 2^exponent with every step rounded the same way, so the result is a bound in that direction. */
    private static BigDecimal powerOfTwo(int exponent, MathContext rounding) {
        BigDecimal[] squares = rounding == DOWN ? SQUARES_DOWN : SQUARES_UP;
        BigDecimal result = BigDecimal.ONE;
        for (int bit = 0, e = exponent; e > 0; bit++, e >>>= 1) {
            if ((e & 1) != 0) {
                result = result.multiply(squares[bit], rounding);
            }
        }
        return result;
    }

    /** 2^(2^i) for every bit i of a positive int, each squaring rounded the same way. */
    private static BigDecimal[] squares(MathContext rounding) {
        BigDecimal[] squares = new BigDecimal[Integer.SIZE - 1];
        squares[0] = BigDecimal.valueOf(2);
        for (int i = 1; i < squares.length; i++) {
            squares[i] = squares[i - 1].multiply(squares[i - 1], rounding);
        }
        return squares;
    }

    private static int integerDigits(BigDecimal positive) {
        return positive.precision() - positive.scale();
    }

    private static String leading(BigDecimal positive, int digits, int kept) {
        return positive.movePointLeft(digits - kept).setScale(0, RoundingMode.FLOOR).toPlainString();
    }
}
