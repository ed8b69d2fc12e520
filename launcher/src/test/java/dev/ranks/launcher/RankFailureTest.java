package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.Comm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A rank that fails inside a real launcher job: the launcher's own job options, device and exit-code
 * mapping, run in-process. The failing program is a test-only subcommand added to the real command
 * line, since no shipped command fails on purpose.
 */
class RankFailureTest {
    /** Rank 2 fails (by throwing, or by calling abort) while every other rank is blocked in a receive. */
    @Command(name = "fail-on-two")
    static final class FailOnTwo implements Callable<Integer> {
        @ParentCommand
        private Launcher launcher;

        @Spec
        private CommandSpec spec;

        @Option(names = "--abort")
        private boolean abort;

        @Override
        public Integer call() {
            return launcher.job().run(spec, 3, comm -> {
                if (comm.rank() == 2) {
                    Thread.sleep(100);
                    if (abort) {
                        comm.abort(7);
                    }
                    throw new IllegalStateException("boom on rank 2");
                }
                comm.recv(Comm.ANY_SOURCE, Comm.ANY_TAG);
            });
        }
    }

    private static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine launcher = Launcher.commandLine().addSubcommand(new FailOnTwo());
        launcher.setOut(new PrintWriter(out, true));
        launcher.setErr(new PrintWriter(err, true));
        int exitCode = launcher.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Test
    void aThrowingRankEndsTheJobWithExitOneAndItsStackTrace() {
        long start = System.nanoTime();
        CliRun run = run("-n", "5", "fail-on-two");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 2 failed:\n"), run::toString);
        assertTrue(run.err().contains("java.lang.IllegalStateException: boom on rank 2"), run::toString);
        assertTrue(run.err().contains("at dev.ranks.launcher.RankFailureTest$FailOnTwo"), run::toString);
        assertTrue(!run.err().contains("JobAbortedException"), "the other ranks' consequences are not reported\n" + run);
        // The blocked ranks are released within a second of the failure, not left hanging.
        assertTrue(seconds < 2, "took " + seconds + " s\n" + run);
    }

    @Test
    void anAbortingRankEndsTheJobWithExitOneAndItsCode() {
        CliRun run = run("-n", "4", "fail-on-two", "--abort");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("rank 2 failed: called abort(7)"), run::toString);
    }
}
