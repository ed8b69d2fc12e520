package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Progress}: when the bar is drawn, what it draws, and that the commands which step it keep stdout as it was.
 * The tests' stderr is a pipe, not a terminal, so in-process command runs here must draw nothing at all.
 */
class ProgressTest {
    @Test
    void drawnOnlyOnATerminalsStderrAndNeverInAnMpjRank() {
        assertTrue(Progress.shown(true, false));
        assertFalse(Progress.shown(false, false));
        assertFalse(Progress.shown(true, true));
        assertFalse(Progress.shown(false, true));
    }

    @Test
    void aHiddenBarWritesNothing() {
        StringWriter err = new StringWriter();
        try (Progress progress = Progress.start(new PrintWriter(err), "fib", 3, false)) {
            progress.message("computing");
            progress.step();
            progress.stepTo(3);
            assertFalse(progress.shown());
        }
        assertEquals("", err.toString());
    }

    @Test
    void aShownBarRedrawsInPlaceOnItsStreamAndEndsItsLine() {
        StringWriter err = new StringWriter();
        Progress progress = Progress.start(new PrintWriter(err), "gpu matmul", 4, true);
        assertTrue(progress.shown());
        IntStream.range(0, 4).parallel().forEach(i -> progress.step());
        progress.close();
        progress.close();

        String drawn = err.toString();
        assertTrue(drawn.startsWith("\r"), drawn);
        assertTrue(drawn.endsWith("\n") && drawn.indexOf('\n') == drawn.length() - 1, drawn);
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
        assertTrue(last.startsWith("gpu matmul 100% [") && last.contains("4/4"), last);
        for (String line : drawn.split("\r")) {
            assertTrue(line.strip().length() <= Progress.WIDTH, line);
        }
    }

    @Test
    void withoutATerminalTheSteppedCommandsPrintWhatTheyPrinted() {
        List<Integer> inputs = new ArrayList<>();
        for (int n = 0; n < Progress.MANY_TASKS + 10; n++) {
            inputs.add(n);
        }
        List<String> fib = new ArrayList<>(List.of("fib", "--engine", "threads"));
        inputs.forEach(n -> fib.add(Integer.toString(n)));
        for (CliRun run : List.of(CliRun.of(fib.toArray(String[]::new)),
                CliRun.of("-n", "2", "fib", "10", "20", "30"),
                CliRun.of("-n", "2", "bench", "latency", "--max-size", "64"),
                CliRun.of("gpu", "reduce", "--backend", "java", "--size", "100", "--repeat", "2"))) {
            assertEquals(0, run.exitCode(), run::toString);
            assertFalse(run.out().contains("\r") || run.err().contains("\r"), run::toString);
            assertFalse(run.err().contains("%"), run::toString);
        }
    }
}
