package dev.ranks.comm.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ElementType;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class JobsTest {

    @Test
    void runReturnsTheCompletedResult() {
        assertTrue(Jobs.run(3, comm -> { }).ok());
    }

    @Test
    void aFailingRankFailsTheTestWithItsException() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Jobs.run(2, comm -> {
            if (comm.rank() == 1) {
                IllegalStateException kaput = new IllegalStateException("kaput");
                thrown.set(kaput);
                throw kaput;
            }
        }));
        assertTrue(e.getMessage().contains("rank 1 failed") && e.getMessage().contains("kaput"), e.getMessage());
        assertTrue(causes(e, thrown.get()), "the rank's exception should be in the cause chain");
    }

    @Test
    void anAssertionInARankFailsTheTest() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Jobs.run(2, comm -> {
            if (comm.rank() == 0) {
                assertEquals(1, 2, "inside rank 0");
            }
        }));
        Throwable cause = e.getCause();
        assertTrue(cause != null && cause.getMessage().contains("inside rank 0"), String.valueOf(cause));
    }

    @Test
    void aDeadlockFailsTheTestWithTheReport() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Jobs.run(2, comm -> comm.recv(1 - comm.rank(), 0)));
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void resultReturnsAFailureWithoutThrowing() {
        JobResult result = Jobs.result(2, comm -> {
            if (comm.rank() == 0) {
                throw new IllegalStateException("expected");
            }
        });
        assertFalse(result.ok());
        assertEquals(0, result.rank());
    }

    @Test
    void aJobPastItsTimeoutFailsTheTestInsteadOfHanging() {
        long start = System.nanoTime();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Jobs.result(1, Settings.defaults(),
                comm -> Thread.sleep(3000), Comm::new, Duration.ofMillis(300)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "the timeout fired after " + seconds + " s");
        assertTrue(e.getMessage().contains("did not end within 300 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("Thread.sleep"), "the message should show where ranks are: " + e.getMessage());
    }

    @Test
    void aJobThatCannotStartThrowsItsOwnError() {
        RanksException e = assertThrows(RanksException.class,
                () -> Jobs.run(1, Settings.defaults().withDevice("no-such-device"), comm -> { }));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
    }

    @Test
    void patternsDifferBySeedAndRepeat() {
        assertArrayEquals(Patterns.ints(5, 1), Patterns.ints(5, 1));
        assertFalse(Arrays.equals(Patterns.doubles(5, 1), Patterns.doubles(5, 2)));
        assertSame(boolean[].class, Patterns.of(ElementType.BOOLEAN, 3, 0).getClass());
    }

    private static boolean causes(Throwable t, Throwable wanted) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c == wanted) {
                return true;
            }
        }
        return false;
    }
}
