package dev.ranks.comm;

import static dev.ranks.comm.ArrayKind.boxed;
import static dev.ranks.comm.ArrayKind.copyOf;
import static dev.ranks.comm.ArrayKind.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Primitive arrays with isend and irecv: every element type, rings, all pairs, test, waitAny, testAll. */
class P2pBufNonBlockingTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @ParameterizedTest
    @EnumSource(ArrayKind.class)
    void slicesAndWholeArraysOfEveryType(ArrayKind kind) {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Request a = kind.isend(comm, kind.pattern(12, 5), 3, 5, 1, DATA);
                Request b = kind.isend(comm, kind.pattern(7, 6), 1, DATA);
                Request c = kind.isend(comm, kind.pattern(3, 7), 3, 0, 1, DATA);
                Request.waitAll(a, b, c);
            } else {
                Object slice = kind.pattern(10, 9);
                Object sliceBefore = copyOf(slice);
                Object whole = kind.pattern(7, 10);
                Object empty = kind.pattern(2, 11);
                Request a = kind.irecv(comm, slice, 2, 7, 0, DATA);
                Request b = kind.irecv(comm, whole, 0, DATA);
                Request c = kind.irecv(comm, empty, 0, DATA);
                Status[] statuses = Request.waitAll(a, b, c);
                assertEquals(new Status(0, DATA, 5, kind.type, false), statuses[0]);
                assertEquals(new Status(0, DATA, 7, kind.type, false), statuses[1]);
                assertEquals(new Status(0, DATA, 0, kind.type, false), statuses[2]);
                assertEquals(boxed(expected(sliceBefore, kind.pattern(12, 5), 3, 2, 5)), boxed(slice));
                assertEquals(boxed(kind.pattern(7, 6)), boxed(whole));
                assertEquals(boxed(kind.pattern(2, 11)), boxed(empty));
            }
        });
    }

    @ParameterizedTest
    @CommSizes
    void ringOfSmallAndLargeInts(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            for (int count : new int[] {10, 100_000}) {
                int[] got = new int[count];
                Request in = comm.irecv(got, left, count);
                Request out = comm.isend(Patterns.ints(count, rank), right, count);
                Status[] statuses = Request.waitAll(in, out);
                assertEquals(new Status(left, count, count, ElementType.INT, false), statuses[0]);
                assertArrayEquals(Patterns.ints(count, left), got);
            }
        });
    }

    @ParameterizedTest
    @CommSizes
    void allPairsOfSmallAndLargeDoubles(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            for (int count : new int[] {64, 20_000}) {
                double[][] got = new double[size][count];
                List<Request> ins = new ArrayList<>();
                for (int source = 0; source < size; source++) {
                    ins.add(comm.irecv(got[source], source, DATA));
                }
                List<Request> outs = new ArrayList<>();
                for (int dest = 0; dest < size; dest++) {
                    outs.add(comm.isend(Patterns.doubles(count, rank * 100 + dest), dest, DATA));
                }
                Status[] statuses = Request.waitAll(ins);
                Request.waitAll(outs);
                for (int source = 0; source < size; source++) {
                    assertEquals(new Status(source, DATA, count, ElementType.DOUBLE, false), statuses[source]);
                    assertArrayEquals(Patterns.doubles(count, source * 100 + rank), got[source]);
                }
            }
        });
    }

    @Test
    void isendToSelfOfARendezvousMessageThenRecv() {
        Jobs.run(1, Settings.defaults().withEagerLimit(1024), comm -> {
            Request out = comm.isend(Patterns.ints(10_000, 4), 0, DATA);
            assertFalse(out.test(), "nothing has received the rendezvous message yet");
            int[] got = new int[10_000];
            comm.recv(got, 0, DATA);
            out.waitFor();
            assertArrayEquals(Patterns.ints(10_000, 4), got);
        });
    }

    @Test
    void completedIsendLeavesTheArrayFree() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                long[] data = Patterns.longs(50, 2);
                comm.isend(data, 1, DATA).waitFor();
                Arrays.fill(data, 0L);
                comm.send(new long[] {1}, 1, GO);
            } else {
                comm.recv(new long[1], 0, GO);
                long[] got = new long[50];
                comm.recv(got, 0, DATA);
                assertArrayEquals(Patterns.longs(50, 2), got);
            }
        });
    }

    @Test
    void testIsFalseBeforeTheMatchingSendAndTrueAfter() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                float[] got = new float[4];
                Request in = comm.irecv(got, 0, DATA);
                assertFalse(in.test(), "rank 0 has not sent yet");
                comm.send(new int[] {1}, 0, GO);
                comm.recv(new int[1], 0, GO);
                assertTrue(Eventually.holds(in::test), "test() stayed false after the matching send");
                assertEquals(4, in.waitFor().count());
                assertArrayEquals(Patterns.floats(4, 3), got);
            } else {
                comm.recv(new int[1], 1, GO);
                comm.send(Patterns.floats(4, 3), 1, DATA);
                comm.send(new int[] {2}, 1, GO);
            }
        });
    }

    @Test
    void waitAnyAndTestAll() {
        Jobs.run(3, comm -> {
            switch (comm.rank()) {
                case 0 -> {
                    char[] fromOne = new char[3];
                    char[] fromTwo = new char[3];
                    Request one = comm.irecv(fromOne, 1, DATA);
                    Request two = comm.irecv(fromTwo, 2, DATA);
                    assertEquals(1, Request.waitAny(one, two), "only rank 2 has sent");
                    assertArrayEquals(Patterns.chars(3, 2), fromTwo);
                    assertFalse(one.test(), "rank 1 has not sent yet");
                    assertFalse(Request.testAll(one, two));
                    comm.send(new char[] {'g'}, 1, GO);
                    assertTrue(Eventually.holds(() -> Request.testAll(one, two)));
                    assertEquals(3, one.waitFor().count());
                    assertArrayEquals(Patterns.chars(3, 1), fromOne);
                }
                case 1 -> {
                    comm.recv(new char[1], 0, GO);
                    comm.send(Patterns.chars(3, 1), 0, DATA);
                }
                default -> comm.send(Patterns.chars(3, 2), 0, DATA);
            }
        });
    }

    @Test
    void waitAnyOverASingleRequest() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(new short[] {5, 6}, 1, DATA);
            } else {
                short[] got = new short[2];
                assertEquals(0, Request.waitAny(comm.irecv(got, 0, DATA)));
                assertArrayEquals(new short[] {5, 6}, got);
            }
        });
    }
}
