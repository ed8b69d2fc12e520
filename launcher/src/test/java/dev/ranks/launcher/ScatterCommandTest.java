package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScatterCommandTest {
    @ParameterizedTest
    @CsvSource({"1, ''", "4, ''", "4, --count=4", "7, ''"})
    void rankRGetsItemRPlusOne(int ranks, String count) {
        CliRun run = count.isEmpty()
                ? CliRun.of("-n", String.valueOf(ranks), "scatter")
                : CliRun.of("-n", String.valueOf(ranks), "scatter", count);

        assertEquals(0, run.exitCode(), run::toString);
        Set<String> expected = IntStream.range(0, ranks)
                .mapToObj(r -> "process = " + r + " variable shared = " + (r + 1))
                .collect(Collectors.toSet());
        assertEquals(ranks, run.outLines().size(), run::toString);
        assertEquals(expected, Set.copyOf(run.outLines()), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    /** As mpi4py's ValueError, but found before any rank starts: one line and exit 2, no stack trace. */
    @ParameterizedTest
    @CsvSource({"-n 4 scatter --count 3, 4, 3", "scatter -n 4 --count 5, 4, 5", "-n 2 scatter --count -1, 2, -1"})
    void aCountOtherThanTheRanksIsBadInput(String args, int ranks, int count) {
        CliRun run = CliRun.of(args.split(" "));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("scatter: expecting " + ranks + " items, got " + count
                + ": --count must equal the number of ranks (-n " + ranks + ")", run.err().lines().findFirst().orElseThrow());
        assertFalse(run.err().contains("\tat "), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"-n 0 scatter --count 3", "-n 0 scatter"})
    void aBadRankCountIsReportedAsSuch(String args) {
        CliRun run = CliRun.of(args.split(" "));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("-n must be at least 1, got 0", run.err().lines().findFirst().orElseThrow());
    }
}
