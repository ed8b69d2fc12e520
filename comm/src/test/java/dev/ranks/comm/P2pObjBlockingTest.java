package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static dev.ranks.comm.Fixtures.arrayList;
import static dev.ranks.comm.Fixtures.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.Fixtures.Bag;
import dev.ranks.comm.Fixtures.Colour;
import dev.ranks.comm.Fixtures.Holder;
import dev.ranks.comm.Fixtures.Particle;
import dev.ranks.comm.Fixtures.Point;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Objects with blocking send and recv: rings, all pairs, what arrives, copies, wildcards, codec errors. */
class P2pObjBlockingTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @ParameterizedTest
    @CommSizes
    void ringPassesImmutableAndMutableObjects(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;

            comm.send("token from " + rank, right, 7);
            Received<String> token = comm.recvWithStatus(left, 7);
            assertEquals("token from " + left, token.value());
            assertEquals(new Status(left, 7, 1, ElementType.OBJECT, false), token.status());

            Map<String, List<Integer>> table = new HashMap<>();
            table.put("rank", arrayList(rank));
            table.put("neighbours", arrayList(left, right));
            comm.send(table, right, 8);
            Map<String, List<Integer>> got = comm.recv(left, 8);
            assertEquals(Map.of("rank", List.of(left), "neighbours", List.of((left - 1 + size) % size, rank)), got);
        });
    }

    @ParameterizedTest
    @CommSizes
    void allPairsExchangeObjects(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            for (int dest = 0; dest < size; dest++) {
                comm.send(arrayList(rank, dest), dest, 3);
            }
            for (int source = 0; source < size; source++) {
                List<Integer> got = comm.recv(source, 3);
                assertEquals(List.of(source, rank), got, "message from rank " + source);
            }
        });
    }

    @Test
    void immutablesArriveEqual() {
        List<Object> values = List.of("héllo wörld ✓", "", 42, Long.MIN_VALUE, 3.5, -0.0f, 'x', true, (byte) -7,
                (short) 300, Colour.GREEN, new Point(1, -2, "p"), new BigInteger("123456789012345678901234567890"));
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int i = 0; i < values.size(); i++) {
                    comm.send(values.get(i), 1, i);
                }
            } else {
                for (int i = 0; i < values.size(); i++) {
                    Object got = comm.recv(0, i);
                    assertEquals(values.get(i), got, "value " + i);
                    assertEquals(values.get(i).getClass(), got.getClass(), "class of value " + i);
                }
            }
        });
    }

    @Test
    void mutablesArriveEqualAsCopies() {
        Particle chain = new Particle(1.5, new int[] {4, 5, 6}, "head");
        chain.next = new Particle(-2.25, new int[0], null);
        HashMap<String, Object> map = new HashMap<>();
        map.put("xs", arrayList(1, 2, 3));
        map.put("name", "m");
        map.put("nothing", null);
        List<Object> values = new ArrayList<>();
        values.add(new int[][] {{1, 2}, {3}, {}});
        values.add(arrayList(7, 8, 9));
        values.add(map);
        values.add(chain);
        values.add(new Bag("bag", arrayList(10, 20)));
        values.add(new double[] {0.5, -1.0});
        values.add(List.of(1, 2, 3));
        values.add(Map.of("k", List.of("v")));
        values.add(null);
        int mutableCount = 6;
        AtomicReferenceArray<Object> sent = new AtomicReferenceArray<>(values.size());
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int i = 0; i < values.size(); i++) {
                    sent.set(i, values.get(i));
                    comm.send(values.get(i), 1, i);
                }
            } else {
                for (int i = 0; i < values.size(); i++) {
                    Object got = comm.recv(0, i);
                    assertDeepEquals(values.get(i), got);
                    if (values.get(i) == null) {
                        assertNull(got);
                        continue;
                    }
                    assertEquals(values.get(i).getClass(), got.getClass(), "class of value " + i);
                    if (i < mutableCount) {
                        assertNotSame(sent.get(i), got, "mutable value " + i + " must arrive as a copy");
                    }
                }
            }
        });
    }

    @Test
    void receiverDoesNotSeeChangesMadeAfterSendReturns() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                ArrayList<Integer> list = arrayList(1, 2, 3);
                int[][] grid = {{1, 2}, {3, 4}};
                Particle particle = new Particle(1.0, new int[] {1}, "before");
                Bag bag = new Bag("bag", arrayList(5));
                comm.send(list, 1, DATA);
                comm.send(grid, 1, DATA);
                comm.send(particle, 1, DATA);
                comm.send(bag, 1, DATA);
                list.set(0, -1);
                list.add(99);
                grid[1][1] = -4;
                particle.name = "after";
                particle.ids[0] = -1;
                bag.items().clear();
                comm.send("changed", 1, GO);
            } else {
                assertEquals("changed", comm.recv(0, GO));
                assertEquals(List.of(1, 2, 3), comm.recv(0, DATA));
                assertDeepEquals(new int[][] {{1, 2}, {3, 4}}, comm.recv(0, DATA));
                assertEquals(new Particle(1.0, new int[] {1}, "before"), comm.recv(0, DATA));
                assertEquals(new Bag("bag", List.of(5)), comm.recv(0, DATA));
            }
        });
    }

    @Test
    void messageToSelfIsACopy() {
        Jobs.run(1, comm -> {
            ArrayList<Integer> list = arrayList(1, 2, 3);
            comm.send(list, 0, DATA);
            list.add(4);
            List<Integer> got = comm.recv(0, DATA);
            assertEquals(List.of(1, 2, 3), got);
            assertNotSame(list, got);
        });
    }

    @Test
    void nullArrivesAsNullWithAStatus() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send((Object) null, 1, 4);
            } else {
                Received<Object> got = comm.recvWithStatus(0, 4);
                assertNull(got.value());
                assertEquals(new Status(0, 4, 1, ElementType.OBJECT, false), got.status());
            }
        });
    }

    @Test
    void unsupportedObjectsFailWithACodecErrorNamingTheClass() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Runnable lambda = () -> { };
                Thread thread = new Thread(() -> { });
                Holder holder = new Holder(thread);
                assertCodecError(lambda.getClass().getName(), () -> comm.send(lambda, 1, DATA));
                assertCodecError("java.lang.Thread", () -> comm.send(thread, 1, DATA));
                assertCodecError("java.lang.Thread", () -> comm.isend(thread, 1, DATA));
                assertCodecError("java.lang.Thread", () -> comm.ssend(thread, 1, DATA));
                assertCodecError(Holder.class.getName(), () -> comm.send(holder, 1, DATA));
                comm.send("after the failures", 1, GO);
            } else {
                Received<String> first = comm.recvWithStatus(0, ANY_TAG);
                assertEquals("after the failures", first.value(), "a failed send must send nothing");
                assertEquals(GO, first.status().tag());
            }
        });
    }

    private static void assertCodecError(String className, Runnable send) {
        RanksException e = assertThrows(RanksException.class, send::run);
        assertEquals(ErrorClass.CODEC, e.errorClass(), e.getMessage());
        assertTrue(e.getMessage().contains(className), () -> "message should name " + className + ": " + e.getMessage());
    }

    @ParameterizedTest
    @CommSizes
    void wildcardsReportTheActualSourceAndTag(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            if (rank != 0) {
                comm.send("first from " + rank, 0, 100 + rank);
                assertEquals("go", comm.recv(0, GO));
                comm.send("second from " + rank, 0, 200 + rank);
                comm.send(rank, 0, 300);
                return;
            }
            Set<Integer> sources = new HashSet<>();
            for (int i = 1; i < size; i++) {
                Received<String> got = comm.recvWithStatus(ANY_SOURCE, ANY_TAG);
                int source = got.status().source();
                assertEquals("first from " + source, got.value());
                assertEquals(new Status(source, 100 + source, 1, ElementType.OBJECT, false), got.status());
                assertTrue(sources.add(source), "rank " + source + " matched twice");
            }
            assertEquals(size - 1, sources.size());
            for (int dest = 1; dest < size; dest++) {
                comm.send("go", dest, GO);
            }
            for (int source = size - 1; source >= 1; source--) {
                Received<String> got = comm.recvWithStatus(source, ANY_TAG);
                assertEquals("second from " + source, got.value());
                assertEquals(200 + source, got.status().tag());
                assertEquals(source, got.status().source());
            }
            Set<Integer> third = new HashSet<>();
            for (int i = 1; i < size; i++) {
                Received<Integer> got = comm.recvWithStatus(ANY_SOURCE, 300);
                assertEquals(got.status().source(), got.value());
                assertEquals(300, got.status().tag());
                assertTrue(third.add(got.value()));
            }
        });
    }
}
