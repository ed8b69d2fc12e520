package dev.ranks.examples;

import static dev.ranks.examples.Launch.JAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.examples.Launch.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Ring} as a user runs it: {@code bin/launcher -n N run --class-path ranks-examples.jar
 * dev.ranks.examples.Ring LAPS} on the local device. Every hop prints what arrived, and the token comes
 * back to rank 0 as LAPS·N(N−1)/2.
 */
class RingIT {

    @TempDir
    Path cwd;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "3, 1", "5, 2", "8, 3"})
    void everyHopAndTheTokenThatComesBack(int ranks, int laps) throws Exception {
        Run run = launcher("-n", Integer.toString(ranks), "run", "--class-path", JAR, "dev.ranks.examples.Ring",
                Integer.toString(laps));

        assertEquals(0, run.exitCode(), run::toString);
        List<String> expected = new ArrayList<>();
        int token = 0;
        for (int lap = 1; lap <= laps; lap++) {
            for (int hop = 1; hop <= ranks; hop++) {
                int rank = hop % ranks;
                int left = (rank - 1 + ranks) % ranks;
                expected.add("rank " + rank + " received " + token + " from rank " + left + " on lap " + lap);
                token += rank;
            }
        }
        expected.add("token back at rank 0: " + laps * ranks * (ranks - 1) / 2 + " (ranks " + ranks + ", laps " + laps
                + ", hops " + laps * ranks + ")");
        assertEquals(expected.stream().sorted().toList(), run.out().lines().sorted().toList(), run::toString);
    }

    @Test
    void oneLapByDefault() throws Exception {
        Run run = launcher("-n", "4", "run", "--class-path", JAR, "dev.ranks.examples.Ring");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("token back at rank 0: 6 (ranks 4, laps 1, hops 4)\n"), run::toString);
    }

    @Test
    void badLapsFailEveryRankWithTheValueNamed() throws Exception {
        Run run = launcher("-n", "3", "run", "--class-path", JAR, "dev.ranks.examples.Ring", "0");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Ring: laps '0' is invalid: expected a positive integer"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    private Run launcher(String... args) throws Exception {
        return Launch.launcher(cwd, args);
    }
}
