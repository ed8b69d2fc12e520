package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.math.BigInteger;

/**
 * Exact Fibonacci numbers by fast doubling: from the pair (F(k), F(k+1)),
 * <pre>
 *   F(2k)   = F(k) * (2 F(k+1) - F(k))
 *   F(2k+1) = F(k)^2 + F(k+1)^2
 * </pre>
 * walking the bits of {@code n} from the top, so that F(n) takes about log2(n) steps of three
 * multiplications each. The cost is that of the last few steps, whose operands have about
 * 0.694 n bits: BigInteger multiplies them with Karatsuba or Toom-Cook 3, so the time grows about as
 * n^1.5 (see {@link CostModel}).
 */
public final class FastDoubling {
    private FastDoubling() {
    }

    /**
     * Computes F(n), with F(0) = 0 and F(1) = 1.
     *
     * @param n the index, at least 0
     * @return the Fibonacci number F(n), exactly
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code n} is negative
     */
    public static BigInteger fib(int n) {
        if (n < 0) {
            throw new RanksException(ErrorClass.ARG, "Fibonacci index " + n + " is invalid: expected at least 0");
        }
        return doubling(n);
    }

    private static BigInteger doubling(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int bit = 31 - Integer.numberOfLeadingZeros(n); bit >= 0; bit--) {
            // (a, b) = (F(k), F(k+1)) for k = the bits of n above this one
            BigInteger even = a.multiply(b.shiftLeft(1).subtract(a));
            BigInteger odd = a.multiply(a).add(b.multiply(b));
            if ((n >>> bit & 1) == 0) {
                a = even;
                b = odd;
            } else {
                a = odd;
                b = even.add(odd);
            }
        }
        return a;
    }
}
