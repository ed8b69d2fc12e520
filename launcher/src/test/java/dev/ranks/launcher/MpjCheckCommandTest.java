package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device checks of {@code launcher mpj-check} hold on the local device, the reference the
 * mpj device's runs of them are compared with.
 */
class MpjCheckCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"-n 2", "-n 3", "-n 2 --eager-limit 100000"})
    void p2pChecksPassOnTheLocalDevice(String options) {
        List<String> args = new ArrayList<>(List.of(options.split(" ")));
        args.addAll(List.of("mpj-check", "p2p"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run::toString);
        int ranks = Integer.parseInt(args.get(1));
        for (int r = 0; r < ranks; r++) {
            assertTrue(run.outLines().contains("rank " + r + ": p2p checks passed"), run::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 65536})
    void sendFirstCompletesUpToTheEagerLimit(int bytes) {
        CliRun run = CliRun.of("-n", "2", "mpj-check", "send-first", "--bytes", Integer.toString(bytes));

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().contains("rank 0 exchanged " + bytes + " bytes with rank 1"), run::toString);
    }

    @Test
    void sendFirstAboveTheEagerLimitIsADeadlockTheLocalDeviceDiagnoses() {
        CliRun run = CliRun.of("-n", "2", "mpj-check", "send-first", "--bytes", "65537");

        assertEquals(3, run.exitCode(), run::toString);
    }

    @Test
    void stderrPrintsALineToEachStreamPerRank() {
        CliRun run = CliRun.of("-n", "2", "mpj-check", "stderr");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("rank 0 to stdout", "rank 1 to stdout"), run.outLines().stream().sorted().toList(),
                run::toString);
        assertTrue(run.err().contains("rank 0 to stderr\n") && run.err().contains("rank 1 to stderr\n"),
                run::toString);
    }

    @Test
    void abortEndsTheJobWithExitOne() {
        CliRun run = CliRun.of("-n", "3", "mpj-check", "abort", "--code", "7");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("abort(7)"), run::toString);
    }
}
