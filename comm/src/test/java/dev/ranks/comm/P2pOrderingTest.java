package dev.ranks.comm;

import static dev.ranks.comm.Comm.ANY_SOURCE;
import static dev.ranks.comm.Comm.ANY_TAG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** MPI's non-overtaking rule: messages between a pair that match the same receive arrive in send order. */
class P2pOrderingTest {
    private static final int MESSAGES = 10_000;

    @Test
    void tenThousandArraysWithOneTagArriveInOrder() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int i = 0; i < MESSAGES; i++) {
                    comm.send(new int[] {i}, 1, 4);
                }
            } else {
                int[] got = new int[1];
                for (int i = 0; i < MESSAGES; i++) {
                    comm.recv(got, 0, 4);
                    assertEquals(i, got[0], "message " + i + " overtaken");
                }
            }
        });
    }

    @Test
    void tenThousandObjectsWithOneTagArriveInOrder() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Request[] sends = new Request[MESSAGES];
                for (int i = 0; i < MESSAGES; i++) {
                    sends[i] = comm.isend(i, 1, 4);
                }
                Request.waitAll(sends);
            } else {
                for (int i = 0; i < MESSAGES; i++) {
                    assertEquals(Integer.valueOf(i), comm.recv(0, ANY_TAG), "message " + i + " overtaken");
                }
            }
        });
    }

    @Test
    void receivingByTagKeepsTheOrderWithinEachTag() {
        int perTag = 1000;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int i = 0; i < 2 * perTag; i++) {
                    comm.send(new int[] {i}, 1, i % 2);
                }
            } else {
                int[] got = new int[1];
                for (int tag : new int[] {1, 0}) {
                    for (int k = 0; k < perTag; k++) {
                        Status status = comm.recv(got, 0, tag);
                        assertEquals(tag, status.tag());
                        assertEquals(2 * k + tag, got[0], "tag " + tag + " message " + k + " overtaken");
                    }
                }
            }
        });
    }

    @Test
    void anyTagReceivesInSendOrder() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                for (int tag : new int[] {3, 1, 2, 0, 3}) {
                    comm.send("tag " + tag, 1, tag);
                }
                comm.send("done", 1, 9);
            } else {
                assertEquals("done", comm.recv(0, 9));
                for (int tag : new int[] {3, 1, 2, 0, 3}) {
                    Received<String> got = comm.recvWithStatus(0, ANY_TAG);
                    assertEquals("tag " + tag, got.value());
                    assertEquals(tag, got.status().tag());
                }
            }
        });
    }

    @ParameterizedTest
    @CommSizes({2, 3, 5, 8, 11})
    void eachSenderKeepsItsOrderUnderAnySource(int size) {
        int perSender = 2000;
        Jobs.run(size, comm -> {
            if (comm.rank() != 0) {
                for (int i = 0; i < perSender; i++) {
                    comm.send(new long[] {comm.rank(), i}, 0, i % 3);
                }
                return;
            }
            int[] next = new int[size];
            long[] got = new long[2];
            for (int n = 0; n < (size - 1) * perSender; n++) {
                Status status = comm.recv(got, ANY_SOURCE, ANY_TAG);
                int source = status.source();
                assertEquals(source, got[0]);
                assertEquals(next[source], got[1], "message from rank " + source + " overtaken");
                assertEquals(next[source] % 3, status.tag());
                next[source]++;
            }
            int[] expected = new int[size];
            Arrays.fill(expected, 1, size, perSender);
            assertArrayEquals(expected, next);
        });
    }

    @ParameterizedTest
    @CommSizes({2, 5, 11})
    void eachSenderKeepsItsOrderAcrossEagerAndRendezvousMessagesUnderAnySource(int size) {
        int perSender = 60;
        int large = 20_000;
        Jobs.run(size, comm -> {
            if (comm.rank() != 0) {
                for (int i = 0; i < perSender; i++) {
                    long[] message = new long[i % 2 == 0 ? 2 : large];
                    message[0] = comm.rank();
                    message[1] = i;
                    comm.send(message, 0, 0);
                }
                return;
            }
            int[] next = new int[size];
            long[] got = new long[large];
            for (int n = 0; n < (size - 1) * perSender; n++) {
                Status status = comm.recv(got, ANY_SOURCE, 0);
                int source = status.source();
                assertEquals(source, got[0]);
                assertEquals(next[source], got[1], "message from rank " + source + " overtaken");
                assertEquals(next[source] % 2 == 0 ? 2 : large, status.count());
                next[source]++;
            }
        });
    }

    @Test
    void anEagerMessageDoesNotOvertakeAnEarlierRendezvousOne() {
        int large = 100_000;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Request big = comm.isend(Patterns.ints(large, 1), 1, 6);
                comm.send(Patterns.ints(3, 2), 1, 6);
                big.waitFor();
            } else {
                int[] first = new int[large];
                assertEquals(large, comm.recv(first, 0, 6).count(), "the small message overtook the large one");
                assertArrayEquals(Patterns.ints(large, 1), first);
                int[] second = new int[large];
                assertEquals(3, comm.recv(second, 0, 6).count());
                assertArrayEquals(Patterns.ints(3, 2), Arrays.copyOf(second, 3));
            }
        });
    }

    @Test
    void aSmallObjectDoesNotOvertakeAnEarlierLargeObject() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                Request big = comm.isend((Object) Patterns.ints(100_000, 1), 1, 6);
                comm.send("small", 1, 6);
                big.waitFor();
            } else {
                Object first = comm.recv(0, 6);
                assertArrayEquals(Patterns.ints(100_000, 1), (int[]) first, "the small object overtook the large one");
                assertEquals("small", comm.recv(0, 6));
            }
        });
    }

    @Test
    void postedReceivesMatchInTheOrderTheyWerePosted() {
        Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                ObjectRequest<String> anySource = comm.irecv(ANY_SOURCE, 0);
                ObjectRequest<String> fromZero = comm.irecv(0, 0);
                ObjectRequest<String> anyTag = comm.irecv(0, ANY_TAG);
                comm.send("posted", 0, 9);
                assertEquals("first", anySource.get());
                assertEquals("second", fromZero.get());
                assertEquals("third", anyTag.get());
            } else {
                assertEquals("posted", comm.recv(1, 9));
                comm.send("first", 1, 0);
                comm.send("second", 1, 0);
                comm.send("third", 1, 0);
            }
        });
    }

    @Test
    void ordersOfManyPairsDoNotInterfere() {
        Jobs.run(4, comm -> {
            int rank = comm.rank();
            for (int i = 0; i < 500; i++) {
                for (int dest = 0; dest < 4; dest++) {
                    if (dest != rank) {
                        comm.send(List.of(rank, i), dest, 0);
                    }
                }
            }
            for (int source = 3; source >= 0; source--) {
                if (source == rank) {
                    continue;
                }
                for (int i = 0; i < 500; i++) {
                    assertEquals(List.of(source, i), comm.recv(source, 0));
                }
            }
        });
    }
}
