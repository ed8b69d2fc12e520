package dev.ranks.benchmarks;

import dev.ranks.workloads.fib.FastDoubling;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * F(n) as {@code fib} computes it on each rank, against the reference: the textbook fast doubling
 * on {@link BigInteger}, three multiplications per bit of {@code n}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FastDoublingBenchmark {
    /** The index n of F(n). */
    @Param({"10000", "100000", "1000000"})
    public int n;

    /** @return F(n) by Ranks' fast doubling */
    @Benchmark
    public BigInteger ranks() {
        return FastDoubling.fib(n);
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
