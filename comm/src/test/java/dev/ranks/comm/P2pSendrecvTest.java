package dev.ranks.comm;

import static dev.ranks.comm.ArrayKind.boxed;
import static dev.ranks.comm.ArrayKind.copyOf;
import static dev.ranks.comm.ArrayKind.expected;
import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static dev.ranks.comm.Fixtures.arrayList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** sendrecv and sendrecvReplace: rings at every size, large messages, every element type, wildcards. */
class P2pSendrecvTest {

    @ParameterizedTest
    @CommSizes
    void objectRing(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            Integer fromLeft = comm.sendrecv(rank, right, 1, left, 1);
            assertEquals(left, fromLeft);
            List<Integer> mutable = comm.sendrecv(arrayList(rank, rank * rank), right, 2, left, 2);
            assertEquals(List.of(left, left * left), mutable);
            Object big = comm.sendrecv(Patterns.ints(50_000, rank), right, 3, left, 3);
            assertArrayEquals(Patterns.ints(50_000, left), (int[]) big);
        });
    }

    @ParameterizedTest
    @CommSizes
    void arrayRingWithSmallAndRendezvousSizes(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            for (int count : new int[] {8, 100_000}) {
                double[] got = new double[count + 2];
                Status status = comm.sendrecv(Patterns.doubles(count, rank), 0, count, right, 4, got, 1, count + 1,
                        left, 4);
                assertEquals(new Status(left, 4, count, ElementType.DOUBLE, false), status);
                double[] expected = new double[count + 2];
                System.arraycopy(Patterns.doubles(count, left), 0, expected, 1, count);
                assertArrayEquals(expected, got);
            }
        });
    }

    @ParameterizedTest
    @CommSizes
    void sendrecvReplaceRing(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            for (int count : new int[] {5, 100_000}) {
                int[] buf = new int[count + 4];
                System.arraycopy(Patterns.ints(count, rank), 0, buf, 2, count);
                Status status = comm.sendrecvReplace(buf, 2, count, right, 5, left, 5);
                assertEquals(new Status(left, 5, count, ElementType.INT, false), status);
                int[] expected = new int[count + 4];
                System.arraycopy(Patterns.ints(count, left), 0, expected, 2, count);
                assertArrayEquals(expected, buf);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void everyElementTypeInARingOfThree(ArrayKind kind) {
        Jobs.run(3, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % 3;
            int left = (rank + 2) % 3;
            Object got = kind.pattern(9, 50);
            Object before = copyOf(got);
            Status status = kind.sendrecv(comm, kind.pattern(10, rank), 2, 6, right, 1, got, 3, 6, left, 1);
            assertEquals(new Status(left, 1, 6, kind.type, false), status);
            assertEquals(boxed(expected(before, kind.pattern(10, left), 2, 3, 6)), boxed(got));

            Object buf = kind.pattern(7, rank + 10);
            Object replaceBefore = copyOf(buf);
            assertEquals(4, kind.sendrecvReplace(comm, buf, 1, 4, right, 2, left, 2).count());
            assertEquals(boxed(expected(replaceBefore, kind.pattern(7, left + 10), 1, 1, 4)), boxed(buf));
        });
    }

    @Test
    void wildcardReceiveSideReportsTheSender() {
        Jobs.run(4, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % 4;
            int left = (rank + 3) % 4;
            short[] got = new short[3];
            Status status = comm.sendrecv(Patterns.shorts(3, rank), 0, 3, right, 10 + rank, got, 0, 3,
                    ANY_SOURCE, ANY_TAG);
            assertEquals(new Status(left, 10 + left, 3, ElementType.SHORT, false), status);
            assertArrayEquals(Patterns.shorts(3, left), got);
        });
    }

    @Test
    void pairExchangeOfLargeArraysDoesNotDeadlock() {
        Jobs.run(2, Settings.defaults().withEagerLimit(0), comm -> {
            int other = 1 - comm.rank();
            byte[] got = new byte[1 << 20];
            comm.sendrecv(Patterns.bytes(1 << 20, comm.rank()), 0, 1 << 20, other, 0, got, 0, 1 << 20, other, 0);
            assertArrayEquals(Patterns.bytes(1 << 20, other), got);
        });
    }
}
