package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcastCommandTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 9})
    void everyRankPrintsTheSharedValue(int ranks) {
        CliRun run = CliRun.of("-n", String.valueOf(ranks), "bcast");

        assertEquals(0, run.exitCode(), run::toString);
        Set<String> expected = IntStream.range(0, ranks)
                .mapToObj(r -> "process = " + r + " variable shared = 100")
                .collect(Collectors.toSet());
        assertEquals(ranks, run.outLines().size(), run::toString);
        assertEquals(expected, Set.copyOf(run.outLines()), run::toString);
        assertEquals("", run.err(), run::toString);
    }
}
