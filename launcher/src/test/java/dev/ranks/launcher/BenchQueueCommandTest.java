package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchQueueCommandTest {
    @Test
    void printsARowPerEngineAndWorkerCount() {
        CliRun run = CliRun.of("bench", "queue", "--tasks", "300", "--engines", "threads,fifo,ranks", "--workers", "1,2");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> rows = run.outLines().subList(3, run.outLines().size());
        assertEquals(6, rows.size(), run::toString);
        for (String engine : List.of("threads", "fifo", "ranks")) {
            for (int workers : List.of(1, 2)) {
                assertTrue(rows.stream().anyMatch(r -> r.matches(engine + "\\s+" + workers + "\\s+300\\s+[0-9.]+\\s+[0-9.]+"
                        + "\\s+[0-9.]+")), run::toString);
            }
        }
        assertTrue(rows.get(0).endsWith(" 1.00"), run::toString);
    }

    @Test
    void anUnknownEngineExitsTwo() {
        CliRun run = CliRun.of("bench", "queue", "--tasks", "10", "--engines", "celeryx");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("engine 'celeryx' is unknown"), run::toString);
    }
}
