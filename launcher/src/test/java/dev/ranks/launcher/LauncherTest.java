package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherTest {
    @ParameterizedTest
    @ValueSource(strings = {"-n 3 hello", "hello -n 3", "--np=3 hello", "--device local --eager-limit 64k -n 3 hello"})
    void helloPrintsOneLinePerRank(String args) {
        CliRun run = CliRun.of(args.split(" "));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.of(
                "hello world from process 0 of 3",
                "hello world from process 1 of 3",
                "hello world from process 2 of 3"), Set.copyOf(run.outLines()), run::toString);
        assertEquals(3, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void ranksDefaultToTheAvailableProcessors() {
        CliRun run = CliRun.of("hello");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Runtime.getRuntime().availableProcessors(), run.outLines().size(), run::toString);
    }

    @Test
    void helpListsTheCommandsAndTheJobOptions() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String word : new String[] {"hello", "p2p", "deadlock", "bench", "--np", "--device", "--eager-limit",
            "crawl", "hosts", "daemons", "--hostfile", "--timeout"}) {
            assertTrue(run.out().contains(word), () -> word + " missing from\n" + run);
        }
        for (String exitCode : new String[] {"3 +deadlock detected", "124 +stopped by --timeout"}) {
            assertTrue(run.out().matches("(?s).*\\b" + exitCode + ".*"), () -> exitCode + " missing from\n" + run);
        }
    }

    @Test
    void subcommandHelpShowsItsOwnOptions() {
        CliRun run = CliRun.of("bench", "latency", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String word : new String[] {"--min-size", "--max-size", "--iterations", "--warmup", "--np"}) {
            assertTrue(run.out().contains(word), () -> word + " missing from\n" + run);
        }
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("launcher (Ranks) 0."), run::toString);
    }
}
