package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void anEngineWithoutWorkersOfItsOwnSaysSoInsteadOfZeroWorkers() {
        assertEquals("engine threads: 3 tasks, 0 failed, 4 workers, wall 2.0 ms, 1500.0 tasks/s, 0 worker deaths",
                new Summary("threads", 3, 0, 4, 2.0, List.of()).line());
        assertEquals("engine redis: 3 tasks, 1 failed, workers started separately, wall 2.0 ms, 1500.0 tasks/s,"
                + " 0 worker deaths", new Summary("redis", 3, 1, 0, 2.0, List.of()).line());
    }
}
