package dev.ranks.collectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.testkit.CommSizes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;

class IntracommTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 2, 5, 8})
    void runHandsEveryRankAnIntracommOverTheWholeJob(int size) {
        Set<Integer> ranks = ConcurrentHashMap.newKeySet();

        JobResult result = within(() -> Intracomm.run(size, comm -> {
            assertEquals(size, comm.size());
            assertSame(Intracomm.class, comm.getClass());
            ranks.add(comm.rank());
            comm.barrier();
        }));

        assertTrue(result.ok(), result.describe());
        assertEquals(size, ranks.size());
    }

    @Test
    void aRankThatThrowsFailsTheJob() {
        JobResult result = within(() -> Intracomm.run(3, comm -> {
            if (comm.rank() == 1) {
                throw new IllegalStateException("rank 1 gives up");
            }
            comm.barrier();
        }));

        assertEquals(JobResult.Outcome.FAILED, result.outcome());
        assertEquals(1, result.rank());
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3, 7})
    void worldIsEachRanksOwnCommunicatorAlsoInTheThreadsItStarts(int size) {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();

        JobResult result = within(() -> Intracomm.run(size, comm -> {
            assertSame(comm, Intracomm.world());
            Intracomm[] fromChild = new Intracomm[1];
            Thread child = new Thread(() -> fromChild[0] = Intracomm.world());
            child.start();
            child.join();
            assertSame(comm, fromChild[0]);
            seen.add(Intracomm.world().allreduce(comm.rank() == 0 ? 1 : 0, Op.SUM));
        }));

        assertTrue(result.ok(), result.describe());
        assertEquals(Set.of(1), seen);
    }

    @Test
    void worldOutsideARankSaysHowToLaunchAProgram() {
        RanksException e = assertThrows(RanksException.class, Intracomm::world);

        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertTrue(e.getMessage().contains("launcher -n N run"), e.getMessage());
        JobResult after = within(() -> Intracomm.run(2, comm -> { }));
        assertTrue(after.ok(), after.describe());
        assertThrows(RanksException.class, Intracomm::world, "the job's world must not outlive it");
    }

    @Test
    void runRejectsAnEmptyJob() {
        RanksException e = assertThrows(RanksException.class, () -> Intracomm.run(0, comm -> { }));
        assertEquals(ErrorClass.USAGE, e.errorClass());
    }

    /** Fails the test, instead of hanging, if the job has not ended within {@link #TIMEOUT}. */
    private static JobResult within(ThrowingSupplier<JobResult> job) {
        return assertTimeoutPreemptively(TIMEOUT, job);
    }
}
