package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ranks.collectives.Reductions.Case;
import dev.ranks.collectives.Reductions.Data;
import dev.ranks.collectives.Reductions.Kind;
import dev.ranks.collectives.Reductions.Mat2;
import dev.ranks.collectives.Reductions.ObjectCase;
import dev.ranks.comm.testkit.CommSizes;
import org.junit.jupiter.params.ParameterizedTest;

/** Reduce through every algorithm forced by name, at every root, against results combined locally in rank order. */
class ReduceTest {
    private static final Case INT_SUM = new Case(Op.SUM, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_SUM = new Case(Op.SUM, Kind.DOUBLE, Data.SIGNED);
    private static final Case INT_FIRST = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_LAST = new Case(Reductions.LAST, Kind.DOUBLE, Data.SIGNED);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmAtEveryRootAndCount(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE)) {
            if (!Reductions.accepts(a, size, Op.SUM)) {
                Reductions.assertRefused(size, a, Op.SUM, comm -> comm.reduce(new int[1], Op.SUM, 0));
                continue;
            }
            boolean ordered = Reductions.accepts(a, size, Reductions.FIRST);
            Reductions.run(size, a, comm -> {
                for (int root = 0; root < size; root++) {
                    for (int n : Reductions.COUNTS) {
                        String what = a + " root " + root + " count " + n + " rank " + comm.rank();
                        sendRecv(comm, INT_SUM, n, root, what);
                        inPlace(comm, DOUBLE_SUM, n, root, what);
                        if (ordered) {
                            sendRecv(comm, INT_FIRST, n, root, what);
                            inPlace(comm, DOUBLE_LAST, n, root, what);
                        }
                    }
                    if (ordered) {
                        Mat2 m = comm.reduce(Mat2.of(comm.rank()), Reductions.MATMUL, root);
                        assertEquals(comm.rank() == root ? Mat2.product(0, size) : null, m, a + " root " + root);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({5, 8})
    void everyBuiltInOpOnEveryTypeItAppliesTo(int size) {
        int root = size / 2;
        for (Algorithm a : Algorithm.of(Collective.REDUCE)) {
            Reductions.run(size, a, comm -> {
                for (Case c : Reductions.CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        sendRecv(comm, c, Reductions.count(c, 3 * size + 1), root, a.toString());
                        inPlace(comm, c, Reductions.count(c, size - 2), size - 1, a.toString());
                    }
                }
                for (ObjectCase c : Reductions.OBJECT_CASES) {
                    if (Reductions.accepts(a, size, c.op())) {
                        Object result = comm.reduce(c.value().apply(comm.rank()), c.op(), root);
                        assertEquals(comm.rank() == root ? c.expected(0, size) : null, result, a + " " + c);
                    }
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 8})
    void asyncReducesInFlightTogetherCompleteInReverseOrder(int size) {
        for (Algorithm a : Algorithm.of(Collective.REDUCE)) {
            Reductions.run(size, a, comm -> {
                int rank = comm.rank();
                int[] send = (int[]) input(INT_SUM, rank, 1025);
                int[] recv = new int[1025];
                CollectiveRequest<int[]> first = comm.reduceAsync(send, recv, Op.SUM, 0);
                CollectiveRequest<Mat2> second = comm.reduceAsync(Mat2.of(rank), Reductions.MATMUL, size - 1);
                assertEquals(rank == size - 1 ? Mat2.product(0, size) : null, second.get(), a::toString);
                assertSame(recv, first.get());
                assertArray(rank == 0 ? expected(INT_SUM, 0, size, 1025) : new int[1025], recv, a.toString());
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 4})
    void nonRootsMayPassNoReceiveBuffer(int size) {
        IntracommJobs.run(size, comm -> {
            long[] recv = comm.rank() == 0 ? new long[3] : null;
            comm.reduce(new long[] {1, 2, comm.rank()}, recv, Op.SUM, 0);
            if (comm.rank() == 0) {
                assertArray(new long[] {size, 2L * size, (long) size * (size - 1) / 2}, recv, "root");
            } else {
                assertNull(recv);
            }
        });
    }

    /** Reduce from a send array into a receive array; elsewhere than the root, both are left alone. */
    private static void sendRecv(Intracomm comm, Case c, int n, int root, String what) {
        Object send = input(c, comm.rank(), n);
        Object recv = c.kind().sentinel(n);
        call(comm, "reduce", send, recv, c.op(), root);
        Object expected = comm.rank() == root ? expected(c, 0, comm.size(), n) : c.kind().sentinel(n);
        assertArray(expected, recv, what + " " + c + " rank " + comm.rank());
        assertArray(input(c, comm.rank(), n), send, what + " " + c + ": send buffer changed");
    }

    /** Reduce in place: the root's buffer is replaced by the result, the others' are only read. */
    private static void inPlace(Intracomm comm, Case c, int n, int root, String what) {
        Object buf = input(c, comm.rank(), n);
        call(comm, "reduce", buf, c.op(), root);
        Object expected = comm.rank() == root ? expected(c, 0, comm.size(), n) : input(c, comm.rank(), n);
        assertArray(expected, buf, what + " in place " + c + " rank " + comm.rank());
    }
}
