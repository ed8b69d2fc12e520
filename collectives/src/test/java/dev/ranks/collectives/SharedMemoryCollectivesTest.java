package dev.ranks.collectives;

import static dev.ranks.collectives.Reductions.assertArray;
import static dev.ranks.collectives.Reductions.call;
import static dev.ranks.collectives.Reductions.expected;
import static dev.ranks.collectives.Reductions.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.Reductions.Case;
import dev.ranks.collectives.Reductions.Data;
import dev.ranks.collectives.Reductions.Kind;
import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.comm.DeadlockException;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.JobTrace;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.WaitPolicy;
import dev.ranks.comm.testkit.CommSizes;
import dev.ranks.comm.testkit.Jobs;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared-memory algorithms (barrier=shm, bcast=shm, allreduce=shm) beyond what the per-collective
 * tests run through every algorithm: the segmented allreduce at long counts, generations reused
 * over many calls of changing size and type, communicators working at the same time, shared-memory
 * and point-to-point calls mixed on one communicator, the wait policies, and the failures a rank
 * waiting in shared memory must still see (deadlock, abort).
 */
class SharedMemoryCollectivesTest {
    private static final Map<String, String> SHM = Map.of("barrier", "shm", "bcast", "shm", "allreduce", "shm");
    /** Long enough for the segmented allreduce on every type: above AllreduceShm.SEGMENT_BYTES even for byte[]. */
    private static final int LONG = (int) AllreduceShm.SEGMENT_BYTES + 13;

    private static final Case INT_FIRST = new Case(Reductions.FIRST, Kind.INT, Data.SIGNED);
    private static final Case LONG_LAST = new Case(Reductions.LAST, Kind.LONG, Data.BITS);
    private static final Case DOUBLE_SUM = new Case(Op.SUM, Kind.DOUBLE, Data.SIGNED);
    private static final Case FLOAT_MINLOC = new Case(Op.MINLOC, Kind.FLOAT, Data.PAIRS);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void segmentedAllreduceCombinesInRankOrderAtLongOddCounts(int size) {
        IntracommJobs.run(size, SHM, comm -> {
            for (int n : new int[] {LONG, LONG + size, 3 * LONG + 1}) {
                sendRecv(comm, INT_FIRST, n);
                inPlace(comm, LONG_LAST, n);
                sendRecv(comm, DOUBLE_SUM, n);
                inPlace(comm, FLOAT_MINLOC, n + (n & 1));
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5, 8})
    void everyBuiltInCaseAtALongCount(int size) {
        IntracommJobs.run(size, SHM, comm -> {
            for (Case c : Reductions.CASES) {
                sendRecv(comm, c, Reductions.count(c, LONG));
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes
    void bcastFromEveryRootThroughSlotsAndLentBuffers(int size) {
        int lent = (int) (BcastShm.LEND_BYTES / 8) + 3;
        IntracommJobs.run(size, SHM, comm -> {
            for (int root = 0; root < size; root++) {
                for (int n : new int[] {0, 1, 7, 1025, lent}) {
                    long[] buf = new long[n + 2];
                    for (int i = 0; i < buf.length; i++) {
                        buf[i] = comm.rank() == root ? 1000L * root + i : -1;
                    }
                    comm.bcast(buf, 1, n, root);
                    for (int i = 0; i < buf.length; i++) {
                        long want = i >= 1 && i <= n || comm.rank() == root ? 1000L * root + i : -1;
                        assertEquals(want, buf[i], "root " + root + " count " + n + " element " + i);
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 3, 7, 11})
    void manyCallsBackToBackWithChangingCountsTypesAndRoots(int size) {
        IntracommJobs.run(size, SHM, comm -> {
            int rank = comm.rank();
            for (int call = 0; call < 600; call++) {
                int n = (call * 37) % 97;
                switch (call % 4) {
                    case 0 -> {
                        int[] buf = new int[n];
                        Arrays.fill(buf, rank + call);
                        comm.allreduce(buf, Op.SUM);
                        int want = size * call + size * (size - 1) / 2;
                        for (int v : buf) {
                            assertEquals(want, v, "call " + call);
                        }
                    }
                    case 1 -> {
                        double[] buf = new double[n];
                        int root = call % size;
                        if (rank == root) {
                            Arrays.fill(buf, call);
                        }
                        comm.bcast(buf, root);
                        for (double v : buf) {
                            assertEquals(call, v, "call " + call);
                        }
                    }
                    case 2 -> comm.barrier();
                    default -> {
                        byte[] send = new byte[n];
                        Arrays.fill(send, (byte) (rank == size - 1 ? call : 0));
                        byte[] recv = new byte[n];
                        comm.allreduce(send, recv, Op.BOR);
                        for (byte v : recv) {
                            assertEquals((byte) call, v, "call " + call);
                        }
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 3, 6})
    void aBcastRootRunsAheadOfSlowReadersWithoutOverwritingWhatTheyHaveNotRead(int size) {
        IntracommJobs.run(size, SHM, comm -> {
            for (int call = 0; call < 2000; call++) {
                if (comm.rank() == size - 1 && call % 100 == 0) {
                    // The root, which does not wait for readers of short messages, gets ahead.
                    Thread.sleep(2);
                }
                int[] buf = comm.rank() == 0 ? new int[] {call, -call, 7 * call} : new int[3];
                comm.bcast(buf, 0);
                assertEquals(call, buf[0], "call " + call);
                assertEquals(-call, buf[1], "call " + call);
                assertEquals(7 * call, buf[2], "call " + call);
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5, 9})
    void splitAndDupCommunicatorsRunAtTheSameTimeWithoutMixing(int size) {
        IntracommJobs.run(size, SHM, comm -> {
            int rank = comm.rank();
            Intracomm half = comm.split(rank % 2, -rank);
            Intracomm copy = comm.dup();
            for (int round = 0; round < 200; round++) {
                // Interleaved calls on three communicators whose members overlap: each must see
                // only its own members' contributions.
                long[] onHalf = {rank, 1};
                half.allreduce(onHalf, Op.SUM);
                long[] onCopy = {rank * 10L + round};
                copy.allreduce(onCopy, Op.MAX);
                long[] onWorld = {1};
                comm.allreduce(onWorld, Op.SUM);
                int members = (size + 1 - rank % 2) / 2;
                long ranks = 0;
                for (int r = rank % 2; r < size; r += 2) {
                    ranks += r;
                }
                assertEquals(ranks, onHalf[0], "round " + round);
                assertEquals(members, onHalf[1], "round " + round);
                assertEquals((size - 1) * 10L + round, onCopy[0], "round " + round);
                assertEquals(size, onWorld[0], "round " + round);
                int[] token = {half.rank() == 0 ? round : -1};
                half.bcast(token, 0);
                assertEquals(round, token[0]);
                copy.barrier();
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 4, 8})
    void sharedMemoryAndPointToPointCallsMixOnOneCommunicator(int size) {
        IntracommJobs.run(size, comm -> {
            int rank = comm.rank();
            for (int round = 0; round < 50; round++) {
                int[] viaShm = {rank};
                comm.allreduce(viaShm, Op.SUM);
                // The non-blocking and object forms take point-to-point algorithms in between.
                CollectiveRequest<int[]> async = comm.allreduceAsync(new int[] {rank}, Op.MAX);
                Integer viaObjects = comm.allreduce(rank, Op.MIN);
                comm.barrier();
                double[] big = new double[(int) (Selector.SHM_ALLREDUCE / 8) + 1];
                big[0] = rank;
                comm.allreduce(big, Op.SUM);
                assertEquals(size * (size - 1) / 2, viaShm[0]);
                assertEquals(size - 1, async.get()[0]);
                assertEquals(0, viaObjects);
                assertEquals(size * (size - 1) / 2.0, big[0]);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WaitPolicy.class)
    void everyWaitPolicyOversubscribed(WaitPolicy policy) {
        int size = Runtime.getRuntime().availableProcessors() + 3;
        Settings settings = Settings.defaults().withWaitPolicy(policy).withCollectives(SHM);
        IntracommJobs.run(size, settings, comm -> {
            for (int round = 0; round < 100; round++) {
                int[] buf = {comm.rank()};
                comm.allreduce(buf, Op.MAX);
                assertEquals(size - 1, buf[0]);
                comm.barrier();
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 3, 6})
    void aRankThatSkipsTheCollectiveEndsTheJobWithADeadlockReport(int size) {
        for (String collective : new String[] {"barrier", "bcast", "allreduce"}) {
            JobResult result = IntracommJobs.result(size, SHM, comm -> {
                if (comm.rank() == size - 1) {
                    return;
                }
                switch (collective) {
                    case "barrier" -> comm.barrier();
                    case "bcast" -> comm.bcast(new int[4], size - 1);
                    default -> comm.allreduce(new int[4], Op.SUM);
                }
            });
            assertEquals(JobResult.Outcome.DEADLOCK, result.outcome(), result::describe);
            DeadlockException e = assertInstanceOf(DeadlockException.class, result.cause());
            assertTrue(e.getMessage().contains(collective + "(algorithm=shm, waits for world rank " + (size - 1) + ")"),
                    e::getMessage);
        }
    }

    @Test
    void anAbortWakesRanksWaitingInSharedMemory() {
        AtomicInteger waiting = new AtomicInteger();
        JobResult result = IntracommJobs.result(4, SHM, comm -> {
            if (comm.rank() == 3) {
                while (waiting.get() < 3) {
                    Thread.onSpinWait();
                }
                // Long enough for the others to give up spinning and block.
                Thread.sleep(50);
                comm.abort(7);
            }
            waiting.incrementAndGet();
            comm.allreduce(new double[3], Op.SUM);
        });
        assertEquals(JobResult.Outcome.ABORTED, result.outcome(), result::describe);
        assertEquals(7, result.abortCode());
    }

    @Test
    void aTracedJobRecordsTheSharedMemoryAlgorithm() {
        JobTrace trace = new JobTrace();
        IntracommJobs.run(2, Settings.defaults().withTrace(trace), comm -> {
            comm.barrier();
            comm.allreduce(new int[2], Op.SUM);
        });
        String json = trace.part();
        assertTrue(json.contains("\"algorithm\":\"shm\""), json);
    }

    @Test
    void theSelectorPicksSharedMemoryOnlyWhereRanksShareIt() {
        Selector defaults = new Selector(Map.of());
        assertSame(Algorithm.BARRIER_SHM, defaults.chooseShared(Collective.BARRIER, 0, 4, 0, true));
        assertSame(Algorithm.ALLREDUCE_SHM, defaults.chooseShared(Collective.ALLREDUCE, 0, 4, 8, true));
        assertSame(Algorithm.BCAST_SHM, defaults.chooseShared(Collective.BCAST, 0, 4, 65536, true));
        assertNull(defaults.chooseShared(Collective.ALLREDUCE, 0, 4, Selector.SHM_ALLREDUCE + 1, true));
        assertNull(defaults.chooseShared(Collective.BARRIER, 0, 4, 0, false));
        assertNull(new Selector(Map.of("allreduce", "ring")).chooseShared(Collective.ALLREDUCE, 0, 4, 8, true),
                "a forced point-to-point algorithm must win over shared memory");
        // A forced shm leaves non-blocking and object calls to the point-to-point choice...
        Selector forced = new Selector(SHM);
        assertEquals(Algorithm.ALLREDUCE_RECURSIVE_DOUBLING, forced.choose(Collective.ALLREDUCE, 0, 4, 8, Op.SUM, true));
        // ...and fails a blocking call on a device whose ranks do not share memory.
        RanksException e = assertThrows(RanksException.class,
                () -> forced.chooseShared(Collective.BARRIER, 2, 4, 0, false));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("barrier algorithm shm was forced, but it requires ranks that share memory"),
                e::getMessage);
    }

    @Test
    void aForcedPointToPointAlgorithmIsStillUsedOnTheLocalDevice() {
        JobTrace trace = new JobTrace();
        Settings settings = Settings.defaults().withTrace(trace)
                .withCollectives(Map.of("barrier", "dissemination", "allreduce", "ring"));
        IntracommJobs.run(3, settings, comm -> {
            comm.barrier();
            comm.allreduce(new int[6], Op.SUM);
        });
        String json = trace.part();
        assertTrue(json.contains("\"algorithm\":\"ring\"") && json.contains("\"algorithm\":\"dissemination\"")
                && !json.contains("\"algorithm\":\"shm\""), json);
    }

    private static void sendRecv(Intracomm comm, Case c, int n) {
        Object send = input(c, comm.rank(), n);
        Object recv = c.kind().sentinel(n);
        call(comm, "allreduce", send, recv, c.op());
        assertArray(expected(c, 0, comm.size(), n), recv, c + " count " + n + " rank " + comm.rank());
        assertArray(input(c, comm.rank(), n), send, c + " count " + n + ": send buffer changed");
    }

    private static void inPlace(Intracomm comm, Case c, int n) {
        Object buf = input(c, comm.rank(), n);
        call(comm, "allreduce", buf, c.op());
        assertArray(expected(c, 0, comm.size(), n), buf, c + " in place, count " + n + " rank " + comm.rank());
    }
}
