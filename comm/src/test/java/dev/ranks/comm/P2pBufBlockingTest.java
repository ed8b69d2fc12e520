package dev.ranks.comm;

import static dev.ranks.comm.ArrayKind.boxed;
import static dev.ranks.comm.ArrayKind.copyOf;
import static dev.ranks.comm.ArrayKind.expected;
import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Primitive arrays with blocking send, ssend and recv: every element type, slices, rings, all pairs. */
class P2pBufBlockingTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void slicesArriveAtTheReceiveOffset(ArrayKind kind) {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                kind.send(comm, kind.pattern(12, 5), 3, 5, 1, DATA);
                kind.ssend(comm, kind.pattern(12, 6), 7, 5, 1, DATA);
            } else {
                Object buf = kind.pattern(10, 9);
                Object before = copyOf(buf);
                Status status = kind.recv(comm, buf, 2, 7, 0, DATA);
                assertEquals(new Status(0, DATA, 5, kind.type, false), status);
                assertEquals(boxed(expected(before, kind.pattern(12, 5), 3, 2, 5)), boxed(buf));

                Object exact = kind.pattern(6, 9);
                Object exactBefore = copyOf(exact);
                assertEquals(5, kind.recv(comm, exact, 1, 5, 0, DATA).count());
                assertEquals(boxed(expected(exactBefore, kind.pattern(12, 6), 7, 1, 5)), boxed(exact));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void wholeArrayOverloads(ArrayKind kind) {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                kind.send(comm, kind.pattern(8, 3), 1, DATA);
                kind.send(comm, kind.pattern(5, 4), 1, DATA);
                kind.ssend(comm, kind.pattern(8, 5), 1, DATA);
            } else {
                Object same = kind.pattern(8, 40);
                assertEquals(new Status(0, DATA, 8, kind.type, false), kind.recv(comm, same, 0, DATA));
                assertEquals(boxed(kind.pattern(8, 3)), boxed(same));

                Object larger = kind.pattern(9, 41);
                Object before = copyOf(larger);
                assertEquals(5, kind.recv(comm, larger, 0, DATA).count());
                assertEquals(boxed(expected(before, kind.pattern(5, 4), 0, 0, 5)), boxed(larger));

                Object synced = kind.pattern(8, 42);
                assertEquals(8, kind.recv(comm, synced, 0, DATA).count());
                assertEquals(boxed(kind.pattern(8, 5)), boxed(synced));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void zeroLengthMessages(ArrayKind kind) {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                kind.send(comm, kind.pattern(0, 1), 1, 1);
                kind.send(comm, kind.pattern(6, 1), 4, 0, 1, 2);
                kind.send(comm, kind.pattern(6, 1), 6, 0, 1, 3);
                kind.ssend(comm, kind.pattern(0, 1), 1, 4);
            } else {
                Object buf = kind.pattern(4, 8);
                Object before = copyOf(buf);
                assertEquals(new Status(0, 1, 0, kind.type, false), kind.recv(comm, buf, 0, 1));
                assertEquals(new Status(0, 2, 0, kind.type, false), kind.recv(comm, buf, 2, 0, 0, 2));
                assertEquals(new Status(0, 3, 0, kind.type, false), kind.recv(comm, buf, 4, 0, 0, 3));
                assertEquals(new Status(0, 4, 0, kind.type, false), kind.recv(comm, kind.pattern(0, 1), 0, 4));
                assertEquals(boxed(before), boxed(buf), "a zero-length message changes nothing");
            }
        });
    }

    @Test
    void sendReturnsOnceTheArrayMayBeChanged() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                int[] data = Patterns.ints(100, 1);
                comm.send(data, 1, DATA);
                Arrays.fill(data, -1);
                comm.send(new int[] {1}, 1, GO);
            } else {
                comm.recv(new int[1], 0, GO);
                int[] got = new int[100];
                comm.recv(got, 0, DATA);
                assertArrayEquals(Patterns.ints(100, 1), got);
            }
        });
    }

    @ParameterizedTest
    @CommSizes
    void ringOfInts(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            comm.send(Patterns.ints(1000, rank), right, DATA);
            int[] got = new int[1000];
            assertEquals(new Status(left, DATA, 1000, ElementType.INT, false), comm.recv(got, left, DATA));
            assertArrayEquals(Patterns.ints(1000, left), got);
        });
    }

    @ParameterizedTest
    @CommSizes({2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void ringOfLargeLongsInEvenOddOrder(int size) {
        int count = 50_000;
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            long[] got = new long[count];
            if (rank % 2 == 0) {
                comm.send(Patterns.longs(count, rank), right, DATA);
                comm.recv(got, left, DATA);
            } else {
                comm.recv(got, left, DATA);
                comm.send(Patterns.longs(count, rank), right, DATA);
            }
            assertArrayEquals(Patterns.longs(count, left), got);
        });
    }

    @ParameterizedTest
    @CommSizes
    void allPairsOfDoubles(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            for (int dest = 0; dest < size; dest++) {
                comm.send(Patterns.doubles(16, rank * 100 + dest), dest, DATA);
            }
            for (int source = 0; source < size; source++) {
                double[] got = new double[16];
                assertEquals(source, comm.recv(got, source, DATA).source());
                assertArrayEquals(Patterns.doubles(16, source * 100 + rank), got, "from rank " + source);
            }
        });
    }

    @ParameterizedTest
    @CommSizes
    void wildcardsReportSourceTagCountAndType(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            if (rank != 0) {
                comm.send(Patterns.ints(rank + 1, rank), 0, 100 + rank);
                return;
            }
            Set<Integer> sources = new HashSet<>();
            for (int i = 1; i < size; i++) {
                int[] buf = new int[size];
                Status status = comm.recv(buf, ANY_SOURCE, ANY_TAG);
                int source = status.source();
                assertEquals(new Status(source, 100 + source, source + 1, ElementType.INT, false), status);
                assertArrayEquals(Patterns.ints(source + 1, source), Arrays.copyOf(buf, source + 1));
                assertTrue(sources.add(source), "rank " + source + " matched twice");
            }
            assertEquals(size - 1, sources.size());
        });
    }
}
