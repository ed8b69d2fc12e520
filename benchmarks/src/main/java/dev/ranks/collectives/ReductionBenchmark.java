package dev.ranks.collectives;

import java.util.SplittableRandom;
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
 * The reduction kernels every reduce, allreduce and scan runs ({@link Op#apply(Buf, int, Buf, int, int,
 * boolean)}, the loops of {@link Kernels}), against their reference: the plain loop a programmer would
 * write for one operation and one type, which the JIT vectorises. A user operation goes through a
 * function object per element and is timed too, to show what a built-in saves. In the collectives'
 * package because the kernels are internal.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ReductionBenchmark {
    /** Elements per call. */
    @Param({"8", "1024", "65536"})
    public int count;

    private static final Op USER_SUM = Op.builder("user-sum", true).doubles(Double::sum).longs(Long::sum).build();

    private double[] doublesIn;
    private double[] doublesInOut;
    private long[] longsIn;
    private long[] longsInOut;
    private Buf doublesInBuf;
    private Buf doublesInOutBuf;
    private Buf longsInBuf;
    private Buf longsInOutBuf;

    /** Fills the operands. */
    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom random = new SplittableRandom(42);
        doublesIn = random.doubles(count).toArray();
        doublesInOut = random.doubles(count).toArray();
        longsIn = random.longs(count, 0, 1000).toArray();
        longsInOut = random.longs(count, 0, 1000).toArray();
        doublesInBuf = Buf.of(doublesIn);
        doublesInOutBuf = Buf.of(doublesInOut);
        longsInBuf = Buf.of(longsIn);
        longsInOutBuf = Buf.of(longsInOut);
    }

    /** @return the result array: SUM over doubles through Ranks' kernel */
    @Benchmark
    public double[] sumDoubles() {
        Op.SUM.apply(doublesInBuf, 0, doublesInOutBuf, 0, count, true);
        return doublesInOut;
    }

    /** @return the result array: the reference loop for SUM over doubles */
    @Benchmark
    public double[] sumDoublesReference() {
        double[] a = doublesIn;
        double[] b = doublesInOut;
        for (int i = 0; i < count; i++) {
            b[i] = a[i] + b[i];
        }
        return b;
    }

    /** @return the result array: a user operation's SUM over doubles, a call per element */
    @Benchmark
    public double[] userSumDoubles() {
        USER_SUM.apply(doublesInBuf, 0, doublesInOutBuf, 0, count, true);
        return doublesInOut;
    }

    /** @return the result array: MAX over longs through Ranks' kernel */
    @Benchmark
    public long[] maxLongs() {
        Op.MAX.apply(longsInBuf, 0, longsInOutBuf, 0, count, true);
        return longsInOut;
    }

    /** @return the result array: the reference loop for MAX over longs */
    @Benchmark
    public long[] maxLongsReference() {
        long[] a = longsIn;
        long[] b = longsInOut;
        for (int i = 0; i < count; i++) {
            b[i] = Math.max(a[i], b[i]);
        }
        return b;
    }
}
