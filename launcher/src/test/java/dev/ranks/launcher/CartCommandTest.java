package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CartCommandTest {
    @Test
    void fourRanksMakeTheCookbooksMesh() {
        CliRun run = CliRun.of("-n", "4", "cart");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Building a 2 x 2 grid topology:", run.outLines().get(0), run::toString);
        assertEquals(Set.of(
                "Process = 0 row = 0 column = 0 ----> neighbour_processes[UP] = -1 neighbour_processes[DOWN] = 2"
                        + " neighbour_processes[LEFT] =-1 neighbour_processes[RIGHT]=1",
                "Process = 1 row = 0 column = 1 ----> neighbour_processes[UP] = -1 neighbour_processes[DOWN] = 3"
                        + " neighbour_processes[LEFT] =0 neighbour_processes[RIGHT]=-1",
                "Process = 2 row = 1 column = 0 ----> neighbour_processes[UP] = 0 neighbour_processes[DOWN] = -1"
                        + " neighbour_processes[LEFT] =-1 neighbour_processes[RIGHT]=3",
                "Process = 3 row = 1 column = 1 ----> neighbour_processes[UP] = 1 neighbour_processes[DOWN] = -1"
                        + " neighbour_processes[LEFT] =2 neighbour_processes[RIGHT]=-1"),
                Set.copyOf(run.outLines().subList(1, run.outLines().size())), run::toString);
        assertEquals(5, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void periodicMakesTheCookbooksTorus() {
        CliRun run = CliRun.of("cart", "--periodic", "-n", "4");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.of(
                "Building a 2 x 2 grid topology:",
                "Process = 0 row = 0 column = 0 ----> neighbour_processes[UP] = 2 neighbour_processes[DOWN] = 2"
                        + " neighbour_processes[LEFT] =1 neighbour_processes[RIGHT]=1",
                "Process = 1 row = 0 column = 1 ----> neighbour_processes[UP] = 3 neighbour_processes[DOWN] = 3"
                        + " neighbour_processes[LEFT] =0 neighbour_processes[RIGHT]=0",
                "Process = 2 row = 1 column = 0 ----> neighbour_processes[UP] = 0 neighbour_processes[DOWN] = 0"
                        + " neighbour_processes[LEFT] =3 neighbour_processes[RIGHT]=3",
                "Process = 3 row = 1 column = 1 ----> neighbour_processes[UP] = 1 neighbour_processes[DOWN] = 1"
                        + " neighbour_processes[LEFT] =2 neighbour_processes[RIGHT]=2"),
                Set.copyOf(run.outLines()), run::toString);
        assertEquals(5, run.outLines().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void helpNamesThePeriodicOption() {
        CliRun run = CliRun.of("cart", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--periodic"), run::toString);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("-n", "4", "cart", "--torus");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--torus"), run::toString);
    }
}
