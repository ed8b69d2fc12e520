package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every usage error exits 2, prints nothing on stdout, and names the bad value and what was expected. */
class UsageErrorTest {
    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "-n 0 hello                      | -n must be at least 1, got 0",
        "hello -n 0                      | -n must be at least 1, got 0",
        "-n -3 p2p                       | -n must be at least 1, got -3",
        "-n abc hello                    | Invalid value for option '--np': 'abc' is not an int",
        "-n 4 p2p                        | p2p needs at least 9 ranks, got -n 4",
        "-n 5 deadlock                   | deadlock needs at least 6 ranks, got -n 5",
        "-n 1 bench latency              | bench latency needs at least 2 ranks, got -n 1",
        "-n 1 bench bw                   | bench bw needs at least 2 ranks, got -n 1",
        "-n 9 deadlock --fix later       | Invalid value for option '--fix': 'later' is not a fix: expected one of none, order, sendrecv",
        "--device carrier-pigeon hello   | unknown device 'carrier-pigeon': expected one of [local",
        "--eager-limit 12x hello         | Invalid value for option '--eager-limit': '12x' is not a byte count",
        "--eager-limit 4g hello          | '4g' is too large: expected at most 2147483647 bytes",
        "-n 2 bench latency --iterations 0 | iterations 0 is invalid: expected at least 1",
        "-n 2 bench bw --min-size 8 --max-size 4 | max size 4 is invalid: expected from the min size 8",
        "--coll bcast=fastest hello      | --coll: unknown bcast algorithm 'fastest': expected one of linear, binomial, scatter_allgather",
        "--coll everything=ring hello    | --coll: unknown collective 'everything': expected one of barrier, bcast",
        "-n 3 --coll allgather=recursive_doubling hello | --coll allgather=recursive_doubling requires a power-of-two number of ranks, got -n 3",
        "--coll allreduce hello          | --coll: collective choice 'allreduce' is malformed: expected collective=algorithm",
        "bench                           | Missing benchmark: expected one of latency, bw",
        "bench fastest                   | Unmatched argument at index 1: 'fastest'"})
    void exitsTwoNamingTheBadValue(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "-n 2 bench latency --max-size 1x   | launcher bench latency",
        "-n 0 hello                         | launcher hello",
        "-n 2 bench bw --max-size 1x        | launcher bench bw",
        "hello --frobnicate                 | launcher hello",
        "-n abc hello                       | launcher"})
    void aParseErrorIsTheErrorAndAOneLineHint(String args, String command) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run::toString);
        assertEquals("See '" + command + " --help'.", lines.get(1), run::toString);
        assertFalse(run.err().contains("Usage:"), run::toString);
    }

    @Test
    void anUnknownCommandListsTheCommandsOnOneLine() {
        CliRun run = CliRun.of("frobnicate");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals("Unmatched argument at index 0: 'frobnicate'", lines.get(0), run::toString);
        assertEquals("Commands: " + String.join(", ", ExitCodes.visibleCommands(Launcher.commandLine().getCommandSpec()))
                + ".", lines.get(lines.size() - 2), run::toString);
        assertEquals("See 'launcher --help'.", lines.get(lines.size() - 1), run::toString);
        assertTrue(lines.size() <= 4, run::toString);
        assertTrue(run.err().contains("Commands: hello, p2p, deadlock, bench, fib,"), run::toString);
        assertFalse(run.err().contains("mpj-check"), run::toString);
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRun run = CliRun.of("helo");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Did you mean: launcher hello"), run::toString);
        assertTrue(run.err().endsWith("See 'launcher --help'.\n"), run::toString);
        assertFalse(run.err().contains("Usage:"), run::toString);
    }

    @Test
    void noCommandListsTheCommandsButNotTheHiddenOnes() {
        CliRun run = CliRun.of("-n", "4");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Missing command: expected one of hello, p2p, deadlock, bench"), run::toString);
        assertTrue(run.err().contains("run"), run::toString);
        assertFalse(run.err().contains("mpj-check"), run::toString);
        assertEquals(2, run.err().lines().count(), run::toString);
    }

    @Test
    void theHiddenCommandStillRunsWhenNamed() {
        CliRun run = CliRun.of("mpj-check", "nonsense");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("unknown scenario 'nonsense'"), run::toString);
    }
}
