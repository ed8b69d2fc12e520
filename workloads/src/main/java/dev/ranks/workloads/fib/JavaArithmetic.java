package dev.ranks.workloads.fib;

import java.math.BigInteger;

/**
 * F(n) in Java's own {@link BigInteger}: {@link FastDoubling} and {@link DecimalSummary}. Always
 * available; the fallback where GMP does not load.
 */
public final class JavaArithmetic implements FibArithmetic {
    /** The one instance: it holds no state. */
    public static final JavaArithmetic INSTANCE = new JavaArithmetic();

    private JavaArithmetic() {
    }

    @Override
    public String name() {
        return JAVA;
    }

    @Override
    public DecimalSummary summary(int n, int count) {
        return DecimalSummary.of(FastDoubling.fib(n), count);
    }

    @Override
    public String decimal(int n) {
        return FastDoubling.fib(n).toString();
    }

    @Override
    public BigInteger value(int n) {
        return FastDoubling.fib(n);
    }
}
