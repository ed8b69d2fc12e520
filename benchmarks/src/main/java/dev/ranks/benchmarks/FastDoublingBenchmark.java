package dev.ranks.benchmarks;

import dev.ranks.workloads.fib.DecimalSummary;
import dev.ranks.workloads.fib.FibArithmetic;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * F(n) as {@code fib} computes it on each rank, in each arithmetic {@code --arith} offers (GMP where
 * libgmp loads, else the run fails naming it; BigInteger), against the reference: the textbook fast
 * doubling on {@link BigInteger}, three multiplications per bit of {@code n}. {@code value} is F(n)
 * itself; {@code summary} is what {@code fib} prints (digit count, first and last ten digits), which
 * GMP computes without writing F(n) out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FastDoublingBenchmark {
    /** The index n of F(n). */
    @Param({"10000", "100000", "1000000"})
    public int n;

    /** One of {@code fib}'s arithmetics (a state of its own, so that the reference runs once per n). */
    @State(Scope.Thread)
    public static class Arithmetic {
        /** The arithmetic, as {@code fib --arith} names it. */
        @Param({"gmp", "java"})
        public String arith;

        FibArithmetic arithmetic;

        /** Loads the arithmetic. */
        @Setup(Level.Trial)
        public void load() {
            arithmetic = FibArithmetic.choose(arith);
        }
    }

    /**
     * @param a the arithmetic
     * @return F(n)'s summary, as {@code fib} computes and prints it
     */
    @Benchmark
    public DecimalSummary summary(Arithmetic a) {
        return a.arithmetic.summary(n, 10);
    }

    /**
     * @param a the arithmetic
     * @return F(n) in the arithmetic, as a BigInteger
     */
    @Benchmark
    public BigInteger value(Arithmetic a) {
        return a.arithmetic.value(n);
    }

    /** @return F(n) by the textbook fast doubling */
    @Benchmark
    public BigInteger reference() {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int bit = 31 - Integer.numberOfLeadingZeros(n); bit >= 0; bit--) {
            BigInteger even = a.multiply(b.multiply(BigInteger.TWO).subtract(a));
            BigInteger odd = a.multiply(a).add(b.multiply(b));
            a = (n >>> bit & 1) == 0 ? even : odd;
            b = (n >>> bit & 1) == 0 ? odd : even.add(odd);
        }
        return a;
    }
}
