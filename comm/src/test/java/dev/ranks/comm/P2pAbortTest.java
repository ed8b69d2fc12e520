package dev.ranks.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jobs;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A rank that throws or calls abort ends the job: the others are released from whatever call
 * blocks them with a {@link JobAbortedException}, and the result names the rank and its cause.
 */
class P2pAbortTest {
    private static final double BOUND_SECONDS = 2.0;

    @Test
    void aThrowingRankReleasesRanksBlockedInRecv() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicIntegerArray released = new AtomicIntegerArray(4);
        long start = System.nanoTime();
        JobResult result = Jobs.result(4, comm -> {
            if (comm.rank() == 2) {
                Thread.sleep(50);
                IllegalStateException boom = new IllegalStateException("boom");
                thrown.set(boom);
                throw boom;
            }
            try {
                comm.recv(new int[1], 2, 0);
            } catch (JobAbortedException e) {
                if (e.rank() == 2 && e.errorClass() == ErrorClass.ABORTED) {
                    released.set(comm.rank(), 1);
                }
                throw e;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(2, result.rank());
        assertSame(thrown.get(), result.cause(), "the cause is the rank's own exception");
        assertEquals(JobResult.EXIT_FAILED, result.exitCode());
        assertTrue(result.describe().startsWith("rank 2 failed:"), result.describe());
        assertTrue(result.describe().contains("boom"), result.describe());
        assertTrue(seconds < BOUND_SECONDS, "the job took " + seconds + " s to end after a rank failed");
        for (int rank : new int[] {0, 1, 3}) {
            assertEquals(1, released.get(rank), "rank " + rank + " did not see a JobAbortedException naming rank 2");
        }
    }

    @Test
    void abortEndsTheJobWithItsCode() {
        AtomicIntegerArray released = new AtomicIntegerArray(3);
        long start = System.nanoTime();
        JobResult result = Jobs.result(3, comm -> {
            if (comm.rank() == 1) {
                Thread.sleep(50);
                comm.abort(7);
            }
            try {
                comm.recv(1, 0);
            } catch (JobAbortedException e) {
                if (e.rank() == 1) {
                    released.set(comm.rank(), 1);
                }
                throw e;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(JobResult.Outcome.ABORTED, result.outcome(), result::describe);
        assertEquals(1, result.rank());
        assertEquals(7, result.abortCode());
        assertEquals(JobResult.EXIT_FAILED, result.exitCode());
        assertTrue(result.describe().startsWith("rank 1 failed:"), result.describe());
        assertTrue(result.describe().contains("abort(7)"), result.describe());
        assertTrue(seconds < BOUND_SECONDS, "the job took " + seconds + " s to end after abort");
        assertEquals(1, released.get(0), "rank 0 did not see a JobAbortedException naming rank 1");
        assertEquals(1, released.get(2), "rank 2 did not see a JobAbortedException naming rank 1");
    }

    @Test
    void aFailureReleasesRanksBlockedInEveryKindOfCall() {
        AtomicIntegerArray released = new AtomicIntegerArray(6);
        long start = System.nanoTime();
        JobResult result = Jobs.result(6, Settings.defaults().withEagerLimit(1024), comm -> {
            try {
                switch (comm.rank()) {
                    case 0 -> comm.probe(5, 0);
                    case 1 -> comm.send(new int[100_000], 0, 0);
                    case 2 -> comm.ssend("x", 0, 0);
                    case 3 -> Request.waitAny(comm.irecv(new int[1], 5, 0), comm.irecv(new int[1], 4, 0));
                    case 4 -> Request.waitAll(comm.irecv(new long[1], 5, 0));
                    default -> {
                        Thread.sleep(100);
                        throw new IOException("disk on fire");
                    }
                }
            } catch (JobAbortedException e) {
                released.set(comm.rank(), 1);
                throw e;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(5, result.rank());
        assertInstanceOf(IOException.class, result.cause(), "a checked exception fails the rank like any other");
        assertTrue(result.describe().contains("disk on fire"), result.describe());
        assertTrue(seconds < BOUND_SECONDS, "the job took " + seconds + " s to end after a rank failed");
        for (int rank = 0; rank < 5; rank++) {
            assertEquals(1, released.get(rank), "rank " + rank + " was not released with a JobAbortedException");
        }
    }

    @Test
    void aCallMadeAfterTheJobFailedThrowsJobAborted() throws InterruptedException {
        CountDownLatch sawAbort = new CountDownLatch(1);
        JobResult result = Jobs.result(2, comm -> {
            if (comm.rank() == 0) {
                throw new IllegalStateException("rank 0 gives up");
            }
            long until = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            try {
                comm.send("too late", 0, 0);
            } catch (JobAbortedException e) {
                if (e.rank() == 0) {
                    sawAbort.countDown();
                }
                throw e;
            }
        });
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(0, result.rank());
        assertTrue(sawAbort.await(5, TimeUnit.SECONDS), "rank 1's send after the failure did not throw JobAbortedException");
    }

    @Test
    void aRankFailingAloneFailsTheJob() {
        JobResult result = Jobs.result(1, comm -> {
            throw new IllegalArgumentException("alone");
        });
        assertEquals(JobResult.Outcome.FAILED, result.outcome());
        assertEquals(0, result.rank());
        assertInstanceOf(IllegalArgumentException.class, result.cause());
        assertTrue(result.describe().startsWith("rank 0 failed:"), result.describe());
    }

    @Test
    void aFailedRankSeenLaterStillFailsTheJob() {
        JobResult result = Jobs.result(3, comm -> {
            if (comm.rank() == 0) {
                throw new IllegalStateException("early");
            }
            comm.recv(0, 0);
        });
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(0, result.rank());
        assertEquals("early", result.cause().getMessage());
    }

    @Test
    void anotherJobRunsNormallyAfterAFailure() {
        Jobs.result(2, comm -> {
            throw new IllegalStateException("first job fails");
        });
        Jobs.run(2, comm -> {
            int other = 1 - comm.rank();
            assertEquals(other, (Integer) comm.sendrecv(comm.rank(), other, 0, other, 0));
        });
    }

    @Test
    void anInterruptedRankFailsNamingItsBlockedCallInsteadOfSpinning() {
        AtomicReference<Thread> rankZero = new AtomicReference<>();
        JobResult result = Jobs.result(2, comm -> {
            if (comm.rank() == 0) {
                rankZero.set(Thread.currentThread());
                comm.recv(new int[1], 1, 0);
            } else {
                // Long enough for rank 0 to spin out and park in its receive.
                Thread.sleep(100);
                rankZero.get().interrupt();
                comm.recv(new int[1], 0, 0);
            }
        });

        assertEquals(JobResult.Outcome.FAILED, result.outcome(), result::describe);
        assertEquals(0, result.rank(), result::describe);
        RanksException cause = assertInstanceOf(RanksException.class, result.cause());
        assertEquals(ErrorClass.ABORTED, cause.errorClass());
        assertTrue(cause.getMessage().contains("interrupted while blocked in recv(source=1, tag=0)"), cause::getMessage);
        assertInstanceOf(InterruptedException.class, cause.getCause());
    }
}
