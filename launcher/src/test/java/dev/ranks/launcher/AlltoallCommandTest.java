package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AlltoallCommandTest {
    @Test
    void eachRankPrintsWhatItSentAndReceived() {
        CliRun run = CliRun.of("-n", "3", "alltoall");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.of(
                "process 0 sending [0, 1, 2] receiving [0, 0, 0]",
                "process 1 sending [0, 2, 4] receiving [1, 2, 3]",
                "process 2 sending [0, 3, 6] receiving [2, 4, 6]"), Set.copyOf(run.outLines()), run::toString);
        assertEquals(3, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void worksWithAForcedAlgorithm() {
        CliRun run = CliRun.of("-n", "4", "--coll", "alltoall=pairwise", "alltoall");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.of(
                "process 0 sending [0, 1, 2, 3] receiving [0, 0, 0, 0]",
                "process 1 sending [0, 2, 4, 6] receiving [1, 2, 3, 4]",
                "process 2 sending [0, 3, 6, 9] receiving [2, 4, 6, 8]",
                "process 3 sending [0, 4, 8, 12] receiving [3, 6, 9, 12]"), Set.copyOf(run.outLines()), run::toString);
    }
}
