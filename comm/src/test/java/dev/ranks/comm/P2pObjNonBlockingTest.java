package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Fixtures.arrayList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.Fixtures.Particle;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Objects with isend and irecv: rings, all pairs, copies at isend, test, waitAny, testAll, waitAll. */
class P2pObjNonBlockingTest {
    private static final int DATA = 1;
    private static final int GO = 2;

    @ParameterizedTest
    @CommSizes
    void ringWithIrecvPostedFirst(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            int right = (rank + 1) % size;
            int left = (rank - 1 + size) % size;
            ObjectRequest<Map<String, Integer>> in = comm.irecv(left, 5);
            Request out = comm.isend(new HashMap<>(Map.of("from", rank)), right, 5);
            assertEquals(Map.of("from", left), in.get());
            assertEquals(new Status(left, 5, 1, ElementType.OBJECT, false), in.waitFor());
            out.waitFor();
        });
    }

    @ParameterizedTest
    @CommSizes
    void allPairsWithWaitAll(int size) {
        Jobs.run(size, comm -> {
            int rank = comm.rank();
            List<ObjectRequest<List<Integer>>> ins = new ArrayList<>();
            for (int source = 0; source < size; source++) {
                ins.add(comm.irecv(source, 9));
            }
            List<Request> outs = new ArrayList<>();
            for (int dest = 0; dest < size; dest++) {
                outs.add(comm.isend(arrayList(rank, dest), dest, 9));
            }
            Request.waitAll(outs);
            Status[] statuses = Request.waitAll(ins);
            for (int source = 0; source < size; source++) {
                assertEquals(source, statuses[source].source());
                assertEquals(List.of(source, rank), ins.get(source).get(), "message from rank " + source);
            }
        });
    }

    @Test
    void isendCopiesAMutableObjectAtOnce() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                ArrayList<Integer> list = arrayList(1, 2, 3);
                Particle particle = new Particle(2.0, new int[] {7, 8}, "original");
                Request a = comm.isend(list, 1, DATA);
                Request b = comm.isend(particle, 1, DATA);
                list.clear();
                particle.ids[1] = 0;
                particle.name = "changed";
                comm.send("changed", 1, GO);
                Request.waitAll(a, b);
            } else {
                assertEquals("changed", comm.recv(0, GO));
                assertEquals(List.of(1, 2, 3), comm.recv(0, DATA));
                assertEquals(new Particle(2.0, new int[] {7, 8}, "original"), comm.recv(0, DATA));
            }
        });
    }

    @Test
    void testIsFalseBeforeTheMatchingSendAndTrueAfter() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                ObjectRequest<String> in = comm.irecv(0, DATA);
                assertFalse(in.test(), "rank 0 has not sent yet");
                comm.send("go", 0, GO);
                assertEquals("sent", comm.recv(0, GO));
                assertTrue(Eventually.holds(in::test), "test() stayed false after the matching send");
                assertEquals("payload", in.get());
                assertTrue(in.test());
            } else {
                assertEquals("go", comm.recv(1, GO));
                comm.send("payload", 1, DATA);
                comm.send("sent", 1, GO);
            }
        });
    }

    @Test
    void waitAnyReturnsTheRequestThatCompleted() {
        Jobs.run(3, comm -> {
            switch (comm.rank()) {
                case 0 -> {
                    ObjectRequest<String> fromOne = comm.irecv(1, DATA);
                    ObjectRequest<String> fromTwo = comm.irecv(2, DATA);
                    assertEquals(1, Request.waitAny(fromOne, fromTwo), "only rank 2 has sent");
                    assertFalse(fromOne.test(), "rank 1 has not sent yet");
                    assertEquals("two", fromTwo.get());
                    comm.send("go", 1, GO);
                    assertEquals("one", fromOne.get());
                }
                case 1 -> {
                    assertEquals("go", comm.recv(0, GO));
                    comm.send("one", 0, DATA);
                }
                default -> comm.send("two", 0, DATA);
            }
        });
    }

    @Test
    void testAllIsFalseWhileOneIsPending() {
        Jobs.run(3, comm -> {
            switch (comm.rank()) {
                case 0 -> {
                    ObjectRequest<String> fromOne = comm.irecv(1, DATA);
                    ObjectRequest<String> fromTwo = comm.irecv(2, DATA);
                    assertTrue(Eventually.holds(fromTwo::test));
                    assertFalse(Request.testAll(fromOne, fromTwo), "rank 1 has not sent yet");
                    comm.send("go", 1, GO);
                    assertTrue(Eventually.holds(() -> Request.testAll(fromOne, fromTwo)));
                    assertEquals("one", fromOne.get());
                    assertEquals("two", fromTwo.get());
                }
                case 1 -> {
                    assertEquals("go", comm.recv(0, GO));
                    comm.send("one", 0, DATA);
                }
                default -> comm.send("two", 0, DATA);
            }
        });
    }

    @Test
    void waitingAgainReturnsTheSameResult() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.isend(arrayList(1, 2), 1, DATA).waitFor();
            } else {
                ObjectRequest<List<Integer>> in = comm.irecv(ANY_SOURCE, DATA);
                List<Integer> first = in.get();
                assertEquals(List.of(1, 2), first);
                assertSame(first, in.get());
                assertEquals(in.waitFor(), in.waitFor());
                assertEquals(0, in.waitFor().source());
            }
        });
    }
}
