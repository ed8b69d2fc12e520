package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import dev.ranks.comm.testkit.Patterns;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Eager and rendezvous: messages up to the eager limit are buffered and the send returns at once;
 * larger ones, and every ssend, complete only once the matching receive is posted. The evidence is
 * ordering, not timing: the receiver sets a flag just before it posts, and the sender checks it.
 */
class P2pProtocolTest {
    private static final int DATA = 1;
    private static final int GO = 2;
    private static final int LIMIT = 1024;
    private static final Settings SMALL_EAGER = Settings.defaults().withEagerLimit(LIMIT);
    /** Long enough that a send that wrongly returned at once would see the flag still down. */
    private static final long RECEIVER_DELAY_MS = 200;

    @Test
    void messagesBelowAndAboveTheEagerLimitArriveIntact() {
        Jobs.run(2, SMALL_EAGER, comm -> {
            for (int count : new int[] {100, LIMIT / 4, LIMIT / 4 + 1, 100_000}) {
                if (comm.rank() == 0) {
                    comm.send(Patterns.ints(count, count), 1, DATA);
                    int[] back = new int[count];
                    comm.recv(back, 1, DATA);
                    assertArrayEquals(Patterns.ints(count, count + 1), back);
                } else {
                    int[] got = new int[count];
                    assertEquals(count, comm.recv(got, 0, DATA).count());
                    assertArrayEquals(Patterns.ints(count, count), got);
                    comm.send(Patterns.ints(count, count + 1), 0, DATA);
                }
            }
        });
    }

    @Test
    void fourMebibyteMessagesArriveIntact() {
        int mib4 = 4 << 20;
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(mib4 / 4, 1), 1, DATA);
                comm.send(Patterns.doubles(mib4 / 8, 2), 1, DATA);
                comm.send(Patterns.bytes(mib4, 3), 1, DATA);
                comm.send((Object) Patterns.longs(mib4 / 8, 4), 1, DATA);
            } else {
                int[] ints = new int[mib4 / 4];
                comm.recv(ints, 0, DATA);
                assertArrayEquals(Patterns.ints(mib4 / 4, 1), ints);
                double[] doubles = new double[mib4 / 8];
                comm.recv(doubles, 0, DATA);
                assertArrayEquals(Patterns.doubles(mib4 / 8, 2), doubles);
                byte[] bytes = new byte[mib4];
                comm.recv(bytes, 0, DATA);
                assertArrayEquals(Patterns.bytes(mib4, 3), bytes);
                assertArrayEquals(Patterns.longs(mib4 / 8, 4), (long[]) comm.recv(0, DATA));
            }
        });
    }

    @Test
    void eagerSendReturnsBeforeTheReceiveIsPosted() {
        Jobs.run(2, SMALL_EAGER, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(100, 1), 1, DATA);
                comm.send(Patterns.ints(LIMIT / 4, 2), 1, DATA);
                comm.send(List.of("small", "object"), 1, DATA);
                comm.send("sent", 1, GO);
            } else {
                assertEquals("sent", comm.recv(0, GO));
                int[] got = new int[LIMIT / 4];
                assertEquals(100, comm.recv(got, 0, DATA).count());
                assertEquals(LIMIT / 4, comm.recv(got, 0, DATA).count());
                assertArrayEquals(Patterns.ints(LIMIT / 4, 2), got);
                assertEquals(List.of("small", "object"), comm.recv(0, DATA));
            }
        });
    }

    @Test
    void rendezvousSendReturnsOnlyAfterTheReceiveIsPosted() {
        AtomicBoolean posted = new AtomicBoolean();
        Jobs.run(2, SMALL_EAGER, comm -> {
            if (comm.rank() == 0) {
                comm.send(Patterns.ints(100_000, 1), 1, DATA);
                assertTrue(posted.get(), "a rendezvous send returned before the receive was posted");
            } else {
                Thread.sleep(RECEIVER_DELAY_MS);
                posted.set(true);
                int[] got = new int[100_000];
                comm.recv(got, 0, DATA);
                assertArrayEquals(Patterns.ints(100_000, 1), got);
            }
        });
    }

    @Test
    void rendezvousObjectSendReturnsOnlyAfterTheReceiveIsPosted() {
        AtomicBoolean posted = new AtomicBoolean();
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.send((Object) Patterns.ints(100_000, 1), 1, DATA);
                assertTrue(posted.get(), "a rendezvous send of a 400 kB object returned before the receive was posted");
            } else {
                Thread.sleep(RECEIVER_DELAY_MS);
                posted.set(true);
                assertArrayEquals(Patterns.ints(100_000, 1), (int[]) comm.recv(0, DATA));
            }
        });
    }

    @Test
    void rendezvousIsendIsIncompleteUntilTheReceiveIsPosted() {
        Jobs.run(2, SMALL_EAGER, comm -> {
            if (comm.rank() == 0) {
                Request big = comm.isend(Patterns.doubles(10_000, 1), 1, DATA);
                assertFalse(big.test(), "rank 1 cannot have posted its receive yet");
                comm.send(new int[] {1}, 1, GO);
                big.waitFor();
                assertTrue(big.test());
            } else {
                comm.recv(new int[1], 0, GO);
                double[] got = new double[10_000];
                comm.recv(got, 0, DATA);
                assertArrayEquals(Patterns.doubles(10_000, 1), got);
            }
        });
    }

    @Test
    void ssendReturnsOnlyAfterTheReceiveStartsEvenForATinyMessage() {
        AtomicBoolean postedArray = new AtomicBoolean();
        AtomicBoolean postedObject = new AtomicBoolean();
        AtomicBoolean postedEmpty = new AtomicBoolean();
        Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                comm.ssend(new int[] {42}, 1, DATA);
                assertTrue(postedArray.get(), "ssend of one int returned before the receive was posted");
                comm.ssend("x", 1, DATA);
                assertTrue(postedObject.get(), "ssend of an object returned before the receive was posted");
                comm.ssend(new byte[0], 1, DATA);
                assertTrue(postedEmpty.get(), "ssend of an empty array returned before the receive was posted");
            } else {
                int[] got = new int[1];
                Thread.sleep(RECEIVER_DELAY_MS);
                postedArray.set(true);
                comm.recv(got, 0, DATA);
                assertEquals(42, got[0]);
                Thread.sleep(RECEIVER_DELAY_MS);
                postedObject.set(true);
                assertEquals("x", comm.recv(0, DATA));
                Thread.sleep(RECEIVER_DELAY_MS);
                postedEmpty.set(true);
                assertEquals(0, comm.recv(new byte[4], 0, DATA).count());
            }
        });
    }

    @Test
    void bothRanksSendingFirstCompletesForEagerSizes() {
        assertBothSendFirst(100, true);
    }

    @Test
    void bothRanksSendingFirstCompletesAtExactlyTheEagerLimit() {
        assertBothSendFirst(LIMIT / 4, true);
    }

    @Test
    void bothRanksSendingFirstDeadlocksJustAboveTheEagerLimit() {
        assertBothSendFirst(LIMIT / 4 + 1, false);
    }

    @Test
    void bothRanksSendingFirstDeadlocksForRendezvousSizes() {
        assertBothSendFirst(100_000, false);
    }

    @Test
    void defaultEagerLimitIs64KiB() {
        int eagerInts = Settings.DEFAULT_EAGER_LIMIT / 4;
        Jobs.run(2, comm -> {
            int other = 1 - comm.rank();
            comm.send(new int[eagerInts], other, DATA);
            comm.recv(new int[eagerInts], other, DATA);
        });
        JobResult result = Jobs.result(2, comm -> {
            int other = 1 - comm.rank();
            comm.send(new int[eagerInts + 1], other, DATA);
            comm.recv(new int[eagerInts + 1], other, DATA);
        });
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
    }

    @Test
    void bothRanksSsendingFirstDeadlocksEvenForTinyMessages() {
        JobResult result = Jobs.result(2, comm -> {
            int other = 1 - comm.rank();
            comm.ssend(new int[] {comm.rank()}, other, DATA);
            comm.recv(new int[1], other, DATA);
        });
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
        assertEquals(JobResult.EXIT_DEADLOCK, result.exitCode());
    }

    @Test
    void rendezvousSendToSelfBeforeReceivingDeadlocks() {
        JobResult result = Jobs.result(1, SMALL_EAGER, comm -> {
            comm.send(new int[1000], 0, DATA);
            comm.recv(new int[1000], 0, DATA);
        });
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
        Jobs.run(1, SMALL_EAGER, comm -> {
            comm.send(new int[10], 0, DATA);
            assertEquals(10, comm.recv(new int[10], 0, DATA).count());
        });
    }

    @Test
    void ssendToSelfBeforeReceivingDeadlocks() {
        JobResult result = Jobs.result(1, comm -> {
            comm.ssend("to myself", 0, DATA);
            comm.recv(0, DATA);
        });
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
    }

    private static void assertBothSendFirst(int count, boolean completes) {
        long start = System.nanoTime();
        JobResult result = Jobs.result(2, SMALL_EAGER, comm -> {
            int other = 1 - comm.rank();
            comm.send(Patterns.ints(count, comm.rank()), other, DATA);
            int[] got = new int[count];
            comm.recv(got, other, DATA);
            assertArrayEquals(Patterns.ints(count, other), got);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (completes) {
            assertEquals(JobResult.Outcome.COMPLETED, result.outcome(),
                    () -> count * 4 + " bytes is within the eager limit of " + LIMIT + ": " + result.describe());
            return;
        }
        assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(),
                () -> count * 4 + " bytes is above the eager limit of " + LIMIT + ": " + result.describe());
        assertEquals(JobResult.EXIT_DEADLOCK, result.exitCode());
        assertInstanceOf(DeadlockException.class, result.cause());
        assertTrue(seconds < 3, "deadlock detected after " + seconds + " s");
    }
}
