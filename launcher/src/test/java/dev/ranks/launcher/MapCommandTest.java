package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MapCommandTest {
    private static final String SQUARES = IntStream.range(0, 100).mapToObj(i -> String.valueOf(i * i))
            .collect(Collectors.joining(", ", "[", "]\n"));

    @Test
    void poolMapOfSquaresOnEveryLocalEngine() {
        assertTrue(SQUARES.startsWith("[0, 1, 4, 9, ") && SQUARES.endsWith(", 9801]\n"), SQUARES);
        for (String engine : new String[] {"threads", "processes"}) {
            CliRun run = CliRun.of("map", "square", "0..99", "--engine", engine, "--workers", "4");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(SQUARES, run.out(), run::toString);
        }
    }

    @Test
    void mixedInputsPrintAsPython() {
        CliRun run = CliRun.of("map", "tasks.square", "1.5", "3", "--", "-2..-1");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("[2.25, 9, 4, 1]\n", run.out(), run::toString);
        CliRun hello = CliRun.of("map", "sqrt", "2");
        assertEquals("[1.4142135623730951]\n", hello.out(), hello::toString);
    }

    @Test
    void badInputsExitTwoBeforeAnythingRuns() {
        CliRun bad = CliRun.of("map", "square", "0..3", "x");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertEquals("", bad.out(), bad::toString);
        assertTrue(bad.err().startsWith("square argument \"x\" is invalid: expected a number"), bad::toString);
        CliRun backwards = CliRun.of("map", "square", "5..1");
        assertEquals(2, backwards.exitCode(), backwards::toString);
        assertTrue(backwards.err().startsWith("input 5..1 is invalid: expected A..B with A <= B"), backwards::toString);
    }
}
