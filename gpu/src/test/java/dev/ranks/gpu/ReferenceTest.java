package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);

    @Test
    void fibIsFibonacciModTwoToTheSixtyFour() {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int n = 0; n <= 1000; n++) {
            assertEquals(a.mod(MOD).longValue(), Reference.fib(n), "F(" + n + ")");
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
    }

    @Test
    void fibReadsNegativeIndicesAsUnsigned() {
        // F(2^63) mod 2^64 by 63 doublings of (F(1), F(2)) on BigIntegers: an independent check of the top bit.
        BigInteger[] pair = {BigInteger.ONE, BigInteger.ONE};
        for (int i = 0; i < 63; i++) {
            BigInteger f = pair[0];
            BigInteger g = pair[1];
            pair = new BigInteger[] {f.multiply(g.shiftLeft(1).subtract(f)).mod(MOD), f.multiply(f).add(g.multiply(g)).mod(MOD)};
        }
        assertEquals(pair[0].longValue(), Reference.fib(Long.MIN_VALUE));
    }

    @Test
    void matmulMultiplies() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        assertArrayEquals(new float[] {58, 64, 139, 154}, Reference.matmul(a, b, 2, 3, 2));
    }

    @Test
    void errorIsRelativeForLargeValuesAndAbsoluteNearZero() {
        assertEquals(0.01, Reference.error(100.0, 101.0), 1e-12);
        assertEquals(0.5, Reference.error(0.0, 0.5), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Reference.error(1.0, Double.NaN));
    }
}
