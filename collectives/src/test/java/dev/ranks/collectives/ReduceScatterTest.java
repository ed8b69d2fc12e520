package dev.ranks.collectives;

import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
import static dev.ranks.collectives.Reductions.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ranks.collectives.Reductions.Case;
import dev.ranks.collectives.Reductions.Data;
import dev.ranks.collectives.Reductions.Kind;
import dev.ranks.collectives.Reductions.Mat2;
import dev.ranks.collectives.Reductions.ObjectCase;
import dev.ranks.comm.testkit.CommSizes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/** Reduce-scatter through every algorithm forced by name, uniform and uneven blocks, against local results. */
class ReduceScatterTest {
    private static final Case INT_SUM = new Case(Op.SUM, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_SUM = new Case(Op.SUM, Kind.DOUBLE, Data.SIGNED);
    private static final Case FLOAT_MINLOC = new Case(Op.MINLOC, Kind.FLOAT, Data.PAIRS);
    private static final Case INT_FIRST = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
    private static final Case LONG_LAST = new Case(Reductions.LAST, Kind.LONG, Data.BITS);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmAtEveryCount(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE_SCATTER)) {
            if (!Reductions.accepts(a, size, Op.SUM)) {
                Reductions.assertRefused(size, a, Op.SUM, comm -> comm.reduceScatter(new int[size], new int[1],
                        Blocks.uniform(size, 1), Op.SUM));
                continue;
            }
            boolean ordered = Reductions.accepts(a, size, Reductions.FIRST);
            Reductions.run(size, a, comm -> {
                for (int n : Reductions.COUNTS) {
                    String what = a + " count " + n + " rank " + comm.rank();
                    int[] uniform = Blocks.uniform(size, n);
                    int[] uneven = uneven(size, n);
                    check(comm, INT_SUM, uniform, what + " uniform");
                    check(comm, DOUBLE_SUM, uneven, what + " uneven");
                    check(comm, FLOAT_MINLOC, uneven(size, 2 * n), what + " uneven pairs");
                    if (ordered) {
                        check(comm, INT_FIRST, uneven, what + " uneven");
                        check(comm, LONG_LAST, uniform, what + " uniform");
                    }
                }
                if (ordered) {
                    checkObjects(comm, new ObjectCase("Mat2 product", Reductions.MATMUL, Mat2::of,
                            (x, y) -> ((Mat2) x).times((Mat2) y)), a.toString());
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({5, 8})
    void everyBuiltInOpOnEveryTypeItAppliesTo(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE_SCATTER)) {
            Reductions.run(size, a, comm -> {
                for (Case c : Reductions.CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        int unit = Reductions.count(c, 1);
                        check(comm, c, uneven(size, 2 * unit), a + " uneven");
                        check(comm, c, Blocks.uniform(size, unit), a + " uniform");
                    }
                }
                for (ObjectCase c : Reductions.OBJECT_CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        checkObjects(comm, c, a.toString());
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4, 7})
    void algorithmsThatNeedACommutativeOpRefuseOthers(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE_SCATTER)) {
            if (!Reductions.accepts(a, size, Reductions.FIRST)) {
                Reductions.assertRefused(size, a, Reductions.FIRST, comm -> comm.reduceScatter(new int[2 * size],
                        new int[2], Blocks.uniform(size, 2), Reductions.FIRST));
                Reductions.assertRefused(size, a, Reductions.MATMUL, comm -> comm.reduceScatter(
                        mats(comm.rank(), size), Reductions.MATMUL));
            }
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 8})
    void asyncReduceScattersInFlightTogetherCompleteInReverseOrder(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE_SCATTER)) {
            if (!Reductions.accepts(a, size, Op.SUM)) {
                continue;
            }
            Reductions.run(size, a, comm -> {
                int rank = comm.rank();
                int[] counts = uneven(size, 100);
                int total = Blocks.total(counts);
                int[] send = (int[]) input(INT_SUM, rank, total);
                int[] recv = new int[counts[rank]];
                List<Integer> items = new ArrayList<>();
                for (int j = 0; j < size; j++) {
                    items.add(rank * size + j);
                }
                CollectiveRequest<int[]> first = comm.reduceScatterAsync(send, recv, counts, Op.SUM);
                CollectiveRequest<Integer> second = comm.reduceScatterAsync(items, Op.MAX);
                assertEquals((size - 1) * size + rank, second.get(), a::toString);
                assertSame(recv, first.get());
                assertArray(expected(INT_SUM, 0, size, Blocks.displacements(counts)[rank], counts[rank]), recv,
                        a.toString());
            });
        }
    }

    /** @return block counts of {@code n} or {@code 2n}, and none for ranks 1, 4, 7, 10 */
    private static int[] uneven(int size, int n) {
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = i % 3 == 1 ? 0 : n * (1 + i % 2);
        }
        return counts;
    }

    /** Reduce-scatter of an array with these counts; checks this rank's block and the send buffer. */
    private static void check(Intracomm comm, Case c, int[] counts, String what) {
        int rank = comm.rank();
        int total = Blocks.total(counts);
        Object send = input(c, rank, total);
        Object recv = c.kind().sentinel(counts[rank] + 1);
        call(comm, "reduceScatter", send, recv, counts, c.op());
        Object block = expected(c, 0, comm.size(), Blocks.displacements(counts)[rank], counts[rank]);
        assertArray(block, slice(recv, 0, counts[rank]), what + " " + c);
        assertArray(c.kind().sentinel(1), slice(recv, counts[rank], 1), what + " " + c + ": wrote past its block");
        assertArray(input(c, rank, total), send, what + " " + c + ": send buffer changed");
    }

    /** Reduce-scatter of objects: rank r's item j is the case's value for {@code r + j}. */
    private static void checkObjects(Intracomm comm, ObjectCase c, String what) {
        int rank = comm.rank();
        List<Object> items = new ArrayList<>();
        for (int j = 0; j < comm.size(); j++) {
            items.add(c.value().apply(rank + j));
        }
        assertEquals(c.expected(rank, rank + comm.size()), comm.reduceScatter(items, c.op()), what + " " + c);
    }

    private static List<Mat2> mats(int rank, int size) {
        List<Mat2> items = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            items.add(Mat2.of(rank + j));
        }
        return items;
    }
}
