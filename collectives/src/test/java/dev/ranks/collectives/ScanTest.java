package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
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
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Scan and exscan through every algorithm forced by name, against prefixes combined locally in
 * rank order; exscan leaves rank 0's buffer alone.
 */
class ScanTest {
    private static final Case INT_SUM = new Case(Op.SUM, Kind.INT, Data.SIGNED);
    private static final Case LONG_SUM = new Case(Op.SUM, Kind.LONG, Data.BITS);
    private static final Case INT_FIRST = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
    private static final Case DOUBLE_LAST = new Case(Reductions.LAST, Kind.DOUBLE, Data.SIGNED);
    private static final Case LONG_MAXLOC = new Case(Op.MAXLOC, Kind.LONG, Data.PAIRS);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void everyAlgorithmAtEveryCount(int size) {
        for (Algorithm a : algorithms()) {
            if (!Reductions.accepts(a, size, Reductions.FIRST)) {
                Reductions.assertRefused(size, a, Reductions.FIRST, comm -> scan(comm, a, "", new int[1],
                        Reductions.FIRST));
                continue;
            }
            Reductions.run(size, a, comm -> {
                for (int n : Reductions.COUNTS) {
                    String what = a + " count " + n + " rank " + comm.rank();
                    for (Case c : List.of(INT_SUM, INT_FIRST, DOUBLE_LAST)) {
                        sendRecv(comm, a, c, n, what);
                    }
                    inPlace(comm, a, LONG_SUM, n, what);
                    inPlace(comm, a, INT_FIRST, n, what);
                    sendRecv(comm, a, LONG_MAXLOC, 2 * n, what);
                }
                ObjectCase mats = new ObjectCase("Mat2 product", Reductions.MATMUL, Mat2::of,
                        (x, y) -> ((Mat2) x).times((Mat2) y));
                checkObjects(comm, a, mats);
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({5, 8})
    void everyBuiltInOpOnEveryTypeItAppliesTo(int size) {
        for (Algorithm a : algorithms()) {
            Reductions.run(size, a, comm -> {
                for (Case c : Reductions.CASES) {
                    sendRecv(comm, a, c, Reductions.count(c, 3 * size + 1), a.toString());
                    inPlace(comm, a, c, Reductions.count(c, size - 2), a.toString());
                }
                for (ObjectCase c : Reductions.OBJECT_CASES) {
                    checkObjects(comm, a, c);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 7})
    void asyncScanAndExscanInFlightTogetherCompleteInReverseOrder(int size) {
        List<Algorithm> scans = Algorithm.of(Collective.SCAN);
        List<Algorithm> exscans = Algorithm.of(Collective.EXSCAN);
        for (int i = 0; i < Math.max(scans.size(), exscans.size()); i++) {
            Algorithm scan = scans.get(Math.min(i, scans.size() - 1));
            Algorithm exscan = exscans.get(Math.min(i, exscans.size() - 1));
            IntracommJobs.run(size, Map.of("scan", scan.label(), "exscan", exscan.label()), comm -> {
                int rank = comm.rank();
                int[] buf = (int[]) input(INT_SUM, rank, 513);
                long[] send = (long[]) input(LONG_SUM, rank, 64);
                long[] recv = (long[]) Kind.LONG.sentinel(64);
                CollectiveRequest<int[]> first = comm.scanAsync(buf, Op.SUM);
                CollectiveRequest<long[]> second = comm.exscanAsync(send, recv, Op.SUM);
                CollectiveRequest<Mat2> third = comm.exscanAsync(Mat2.of(rank), Reductions.MATMUL);
                assertEquals(rank == 0 ? null : Mat2.product(0, rank), third.get(), exscan::toString);
                assertSame(recv, second.get());
                Object prefix = rank == 0 ? Kind.LONG.sentinel(64) : expected(LONG_SUM, 0, rank, 64);
                assertArray(prefix, recv, exscan.toString());
                assertSame(buf, first.get());
                assertArray(expected(INT_SUM, 0, rank + 1, 513), buf, scan.toString());
            });
        }
    }

    private static List<Algorithm> algorithms() {
        List<Algorithm> all = new ArrayList<>(Algorithm.of(Collective.SCAN));
        all.addAll(Algorithm.of(Collective.EXSCAN));
        return all;
    }

    private static boolean exclusive(Algorithm a) {
        return a.collective() == Collective.EXSCAN;
    }

    /** Calls scan or exscan, as {@code a} implements, with the arguments given. */
    private static Object scan(Intracomm comm, Algorithm a, String suffix, Object... args) {
        return call(comm, (exclusive(a) ? "exscan" : "scan") + suffix, args);
    }

    /** @return what rank {@code rank} should hold: its prefix, or {@code otherwise} on rank 0 of an exscan */
    private static Object prefix(Algorithm a, Case c, int rank, int n, Object otherwise) {
        if (exclusive(a)) {
            return rank == 0 ? otherwise : expected(c, 0, rank, n);
        }
        return expected(c, 0, rank + 1, n);
    }

    private static void sendRecv(Intracomm comm, Algorithm a, Case c, int n, String what) {
        int rank = comm.rank();
        Object send = input(c, rank, n);
        Object recv = c.kind().sentinel(n);
        scan(comm, a, "", send, recv, c.op());
        assertArray(prefix(a, c, rank, n, c.kind().sentinel(n)), recv, what + " " + c);
        assertArray(input(c, rank, n), send, what + " " + c + ": send buffer changed");
    }

    /** In place, through the blocking and the async form; exscan leaves rank 0's buffer as it was. */
    private static void inPlace(Intracomm comm, Algorithm a, Case c, int n, String what) {
        int rank = comm.rank();
        Object buf = input(c, rank, n);
        scan(comm, a, "", buf, c.op());
        assertArray(prefix(a, c, rank, n, input(c, rank, n)), buf, what + " in place " + c);
        Object again = input(c, rank, n);
        CollectiveRequest<?> request = (CollectiveRequest<?>) scan(comm, a, "Async", again, c.op());
        assertSame(again, request.get());
        assertArray(prefix(a, c, rank, n, input(c, rank, n)), again, what + " async in place " + c);
    }

    private static void checkObjects(Intracomm comm, Algorithm a, ObjectCase c) {
        int rank = comm.rank();
        Object value = c.value().apply(rank);
        if (exclusive(a)) {
            assertEquals(rank == 0 ? null : c.expected(0, rank), comm.exscan(value, c.op()), a + " " + c);
        } else {
            assertEquals(c.expected(0, rank + 1), comm.scan(value, c.op()), a + " " + c);
        }
    }
}
