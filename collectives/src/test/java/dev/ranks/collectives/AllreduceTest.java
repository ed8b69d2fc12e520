package dev.ranks.collectives;

import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ranks.collectives.Reductions.Case;
import dev.ranks.collectives.Reductions.Data;
import dev.ranks.collectives.Reductions.Kind;
import dev.ranks.collectives.Reductions.Mat2;
import dev.ranks.collectives.Reductions.ObjectCase;
import dev.ranks.comm.testkit.CommSizes;
import org.junit.jupiter.params.ParameterizedTest;

/** Allreduce through every algorithm forced by name, against results combined locally in rank order. */
class AllreduceTest {
    private static final Case INT_SUM = new Case(Op.SUM, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_SUM = new Case(Op.SUM, Kind.DOUBLE, Data.SIGNED);
    private static final Case DOUBLE_MAXLOC = new Case(Op.MAXLOC, Kind.DOUBLE, Data.PAIRS);
    private static final Case INT_FIRST = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
    private static final Case LONG_LAST = new Case(Reductions.LAST, Kind.LONG, Data.BITS);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmAtEveryCount(int size) {
        for (Algorithm a : Algorithm.of(Collective.ALLREDUCE)) {
            if (!Reductions.accepts(a, size, Op.SUM)) {
                Reductions.assertRefused(size, a, Op.SUM, comm -> comm.allreduce(new int[1], Op.SUM));
                continue;
            }
            boolean ordered = Reductions.accepts(a, size, Reductions.FIRST);
            Reductions.run(size, a, comm -> {
                for (int n : Reductions.COUNTS) {
                    String what = a + " count " + n + " rank " + comm.rank();
                    sendRecv(comm, INT_SUM, n, what);
                    inPlace(comm, DOUBLE_SUM, n, what);
                    sendRecv(comm, DOUBLE_MAXLOC, 2 * n, what);
                    if (ordered) {
                        sendRecv(comm, INT_FIRST, n, what);
                        inPlace(comm, LONG_LAST, n, what);
                    }
                }
                if (ordered) {
                    Mat2 product = comm.allreduce(Mat2.of(comm.rank()), Reductions.MATMUL);
                    assertEquals(Mat2.product(0, size), product, a::toString);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({5, 8})
    void everyBuiltInOpOnEveryTypeItAppliesTo(int size) {
        for (Algorithm a : Algorithm.of(Collective.ALLREDUCE)) {
            Reductions.run(size, a, comm -> {
                for (Case c : Reductions.CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        sendRecv(comm, c, Reductions.count(c, 3 * size + 1), a + " " + c);
                        inPlace(comm, c, Reductions.count(c, size - 2), a + " in place " + c);
                    }
                }
                for (ObjectCase c : Reductions.OBJECT_CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        assertEquals(c.expected(0, size), comm.allreduce(c.value().apply(comm.rank()), c.op()),
                                a + " " + c);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4, 7})
    void algorithmsThatNeedACommutativeOpRefuseOthers(int size) {
        for (Algorithm a : Algorithm.of(Collective.ALLREDUCE)) {
            if (!Reductions.accepts(a, size, Reductions.FIRST)) {
                Reductions.assertRefused(size, a, Reductions.FIRST,
                        comm -> comm.allreduce(new int[3], Reductions.FIRST));
                Reductions.assertRefused(size, a, Reductions.MATMUL,
                        comm -> comm.allreduce(Mat2.of(comm.rank()), Reductions.MATMUL));
            }
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 8})
    void asyncAllreducesInFlightTogetherCompleteInReverseOrder(int size) {
        for (Algorithm a : Algorithm.of(Collective.ALLREDUCE)) {
            if (!Reductions.accepts(a, size, Op.SUM)) {
                continue;
            }
            Reductions.run(size, a, comm -> {
                int rank = comm.rank();
                int[] send = (int[]) input(INT_SUM, rank, 1025);
                int[] recv = new int[1025];
                double[] buf = (double[]) input(DOUBLE_SUM, rank, 300);
                CollectiveRequest<int[]> first = comm.allreduceAsync(send, recv, Op.SUM);
                CollectiveRequest<double[]> second = comm.allreduceAsync(buf, Op.SUM);
                CollectiveRequest<Integer> third = comm.allreduceAsync(rank * 2 + 1, Op.MAX);
                assertEquals(2 * size - 1, third.get());
                assertSame(buf, second.get());
                assertArray(expected(DOUBLE_SUM, 0, size, 300), buf, a + " second");
                assertSame(recv, first.get());
                assertArray(expected(INT_SUM, 0, size, 1025), recv, a + " first");
                assertArray(input(INT_SUM, rank, 1025), send, a + " send buffer");
                assertFalse(first.cancel());
            });
        }
    }

    /** Allreduce from a send array into a receive array, checking both. */
    private static void sendRecv(Intracomm comm, Case c, int n, String what) {
        Object send = input(c, comm.rank(), n);
        Object recv = c.kind().sentinel(n);
        call(comm, "allreduce", send, recv, c.op());
        assertArray(expected(c, 0, comm.size(), n), recv, what + " " + c);
        assertArray(input(c, comm.rank(), n), send, what + " " + c + ": send buffer changed");
    }

    /** Allreduce in place, through the blocking and the async form. */
    private static void inPlace(Intracomm comm, Case c, int n, String what) {
        Object buf = input(c, comm.rank(), n);
        call(comm, "allreduce", buf, c.op());
        assertArray(expected(c, 0, comm.size(), n), buf, what + " in place " + c);
        Object again = input(c, comm.rank(), n);
        CollectiveRequest<?> request = (CollectiveRequest<?>) call(comm, "allreduceAsync", again, c.op());
        assertSame(again, request.get());
        assertArray(expected(c, 0, comm.size(), n), again, what + " async in place " + c);
    }
}
