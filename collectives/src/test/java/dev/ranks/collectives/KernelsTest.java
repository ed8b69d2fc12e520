package dev.ranks.collectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The built-in loops of {@link Kernels} (SUM, MAX and MIN on doubles, longs and ints), in both of
 * their forms: ranges at one offset (one index) and at two, against the element-by-element
 * definition, at counts 0, 1, odd and long, with the elements around each range left alone.
 */
class KernelsTest {
    private static final int LENGTH = 1_100;
    private static final List<int[]> RANGES = List.of(
            // {in offset, inout offset, count}
            new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 0, LENGTH}, new int[] {3, 3, 1},
            new int[] {5, 5, 1_031}, new int[] {0, 7, 1_031}, new int[] {7, 0, 1_031}, new int[] {2, 9, 1},
            new int[] {64, 1, 999});

    @Test
    void doublesAtOneOffsetAndAtTwo() {
        SplittableRandom random = new SplittableRandom(7);
        for (Op op : List.of(Op.SUM, Op.MAX, Op.MIN)) {
            DoubleBinaryOperator f = op == Op.SUM ? Double::sum : op == Op.MAX ? Math::max : Math::min;
            for (int[] r : RANGES) {
                double[] in = random.doubles(LENGTH, -1e6, 1e6).toArray();
                double[] inout = random.doubles(LENGTH, -1e6, 1e6).toArray();
                double[] expected = inout.clone();
                for (int i = 0; i < r[2]; i++) {
                    expected[r[1] + i] = f.applyAsDouble(in[r[0] + i], inout[r[1] + i]);
                }
                op.apply(Buf.of(in), r[0], Buf.of(inout), r[1], r[2], true);
                assertArrayEquals(expected, inout, () -> op + " on doubles, range " + List.of(r[0], r[1], r[2]));
            }
        }
    }

    @Test
    void longsAtOneOffsetAndAtTwo() {
        SplittableRandom random = new SplittableRandom(11);
        for (Op op : List.of(Op.SUM, Op.MAX, Op.MIN)) {
            LongBinaryOperator f = op == Op.SUM ? Long::sum : op == Op.MAX ? Math::max : Math::min;
            for (int[] r : RANGES) {
                long[] in = random.longs(LENGTH).toArray();
                long[] inout = random.longs(LENGTH).toArray();
                long[] expected = inout.clone();
                for (int i = 0; i < r[2]; i++) {
                    expected[r[1] + i] = f.applyAsLong(in[r[0] + i], inout[r[1] + i]);
                }
                op.apply(Buf.of(in), r[0], Buf.of(inout), r[1], r[2], false);
                assertArrayEquals(expected, inout, () -> op + " on longs, range " + List.of(r[0], r[1], r[2]));
            }
        }
    }

    @Test
    void intsAtOneOffsetAndAtTwo() {
        SplittableRandom random = new SplittableRandom(13);
        for (Op op : List.of(Op.SUM, Op.MAX, Op.MIN)) {
            IntBinaryOperator f = op == Op.SUM ? Integer::sum : op == Op.MAX ? Math::max : Math::min;
            for (int[] r : RANGES) {
                int[] in = random.ints(LENGTH).toArray();
                int[] inout = random.ints(LENGTH).toArray();
                int[] expected = inout.clone();
                for (int i = 0; i < r[2]; i++) {
                    expected[r[1] + i] = f.applyAsInt(in[r[0] + i], inout[r[1] + i]);
                }
                op.apply(Buf.of(in), r[0], Buf.of(inout), r[1], r[2], true);
                assertArrayEquals(expected, inout, () -> op + " on ints, range " + List.of(r[0], r[1], r[2]));
            }
        }
    }

    @Test
    void oneArrayAsBothOperandsAtOneOffset() {
        double[] both = {1, 2, 3, 4, 5};
        Op.SUM.apply(Buf.of(both), 1, Buf.of(both), 1, 3, true);
        assertArrayEquals(new double[] {1, 4, 6, 8, 5}, both);
    }
}
