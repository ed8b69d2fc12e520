package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlockCommandTest {
    @Test
    void theRecipeIsDiagnosedAndExitsThree() {
        CliRun run = CliRun.of("-n", "9", "deadlock");

        assertEquals(3, run.exitCode(), run::toString);
        // the recipe receives with tag 0, not ANY_TAG, and the report says so
        assertEquals(String.join("\n",
                "deadlock: every live rank is blocked in a call that no message in flight can complete",
                "  rank 1: recv(source=5, tag=0)",
                "  rank 5: recv(source=1, tag=0)",
                "  finished: ranks 0, 2, 3, 4, 6, 7, 8",
                "wait-for cycle: rank 1 -> rank 5 -> rank 1",
                ""), run.err(), run::toString);
        assertEquals(IntStream.range(0, 9).mapToObj(r -> "my rank is : " + r).toList(),
                run.outLines().stream().sorted().toList(), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "sendrecv"})
    void bothFixesExchangeTheValues(String fix) {
        CliRun run = CliRun.of("-n", "9", "deadlock", "--fix", fix);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().containsAll(List.of(
                "sending data a to process 5", "data received is = b",
                "sending data b to process 1", "data received is = a")), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    /** With an eager limit of 0 every send is a rendezvous: the fixes must still hold. */
    @ParameterizedTest
    @ValueSource(strings = {"order", "sendrecv"})
    void theFixesHoldWithoutEagerSends(String fix) {
        CliRun run = CliRun.of("-n", "6", "--eager-limit", "0", "deadlock", "--fix", fix);

        assertEquals(0, run.exitCode(), run::toString);
    }
}
