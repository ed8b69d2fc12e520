package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.DeadlockException;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

class ExitCodesTest {
    private final StringWriter err = new StringWriter();
    private final PrintWriter errWriter = new PrintWriter(err, true);

    @Test
    void aCompletedJobExitsZeroSilently() {
        assertEquals(0, ExitCodes.report(JobResult.completed(), errWriter));
        assertEquals("", err.toString());
    }

    @Test
    void aFailedRankExitsOneWithItsStackTrace() {
        IllegalStateException boom = new IllegalStateException("boom on rank 2");
        JobResult failed = new JobResult(JobResult.Outcome.FAILED, 2, boom, 0);

        assertEquals(1, ExitCodes.report(failed, errWriter));
        assertTrue(err.toString().startsWith("rank 2 failed:\n"), err::toString);
        assertTrue(err.toString().contains("java.lang.IllegalStateException: boom on rank 2"), err::toString);
        assertTrue(err.toString().contains("at dev.ranks.launcher.ExitCodesTest"), err::toString);
    }

    @Test
    void anAbortExitsOneWithItsCode() {
        JobResult aborted = new JobResult(JobResult.Outcome.ABORTED, 4, null, 7);

        assertEquals(1, ExitCodes.report(aborted, errWriter));
        assertTrue(err.toString().startsWith("rank 4 failed: called abort(7)"), err::toString);
    }

    @Test
    void aDeadlockExitsThreeWithTheReportOnItsOwnLines() {
        String report = "deadlock: every live rank is blocked\n  rank 1: recv(source=5, tag=0)";
        JobResult deadlock = new JobResult(JobResult.Outcome.DEADLOCK, 1, new DeadlockException(1, report), 0);

        assertEquals(3, ExitCodes.report(deadlock, errWriter));
        assertEquals(report + "\n", err.toString());
    }

    @ParameterizedTest
    @EnumSource(value = ErrorClass.class, names = {"USAGE", "ARG", "UNAVAILABLE", "HOSTFILE"})
    void aRanksExceptionAboutTheInputExitsTwoWithItsMessage(ErrorClass errorClass) throws Exception {
        CommandLine command = Launcher.commandLine().setErr(errWriter);

        int code = new ExitCodes().handleExecutionException(
                new RanksException(errorClass, "value 'x' is wrong: expected 'y'"), command, null);

        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().startsWith("value 'x' is wrong: expected 'y'\n"), err::toString);
    }

    @Test
    void anyOtherExceptionGoesBackToPicocli() {
        CommandLine command = Launcher.commandLine().setErr(errWriter);
        RanksException internal = new RanksException(ErrorClass.INTERNAL, "bug");

        Exception thrown = assertThrows(Exception.class,
                () -> new ExitCodes().handleExecutionException(internal, command, null));

        assertSame(internal, thrown);
    }
}
