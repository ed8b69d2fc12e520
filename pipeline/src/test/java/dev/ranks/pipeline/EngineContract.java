package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every engine does; a subclass opens the engine under test. */
abstract class EngineContract {
    protected Engine engine;

    abstract Engine open();

    @BeforeEach
    void start() {
        engine = open();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void runsABatchInSubmissionOrder() {
        List<Call> calls = IntStream.range(0, 40).mapToObj(i -> Call.of("square", i)).toList();
        List<Outcome> outcomes = engine.submit(calls).await();
        for (int i = 0; i < 40; i++) {
            assertEquals(i, outcomes.get(i).index());
            assertEquals((long) i * i, outcomes.get(i).value());
            assertEquals(1, outcomes.get(i).attempts());
        }
    }

    @Test
    void mapIsPoolMap() {
        List<Object> squares = engine.map("square", IntStream.range(0, 100).mapToObj(i -> (long) i).toList());
        assertEquals(IntStream.range(0, 100).mapToObj(i -> (long) i * i).toList(), squares);
        assertEquals("[0, 1, 4, 9]", Python.repr(squares.subList(0, 4)));
        RanksException e = assertThrows(RanksException.class, () -> engine.map("boom", List.of(1L, 2L)));
        assertTrue(e.getMessage().contains("boom [1]"), e.getMessage());
    }

    @Test
    void completionOrderHandsOutEveryOutcomeOnce() {
        List<Call> calls = new ArrayList<>();
        calls.add(Call.of("sleep", 300));
        for (int i = 0; i < 5; i++) {
            calls.add(Call.of("echo", "q" + i));
        }
        Batch batch = engine.submit(calls);
        List<Integer> seen = new ArrayList<>();
        batch.forEach(Order.COMPLETION, o -> seen.add(o.index()));
        assertEquals(new HashSet<>(List.of(0, 1, 2, 3, 4, 5)), new HashSet<>(seen));
        assertEquals(6, seen.size());
        if (engine.workers() > 1) {
            assertTrue(seen.get(0) != 0, "the slow call came first: " + seen);
        }
        Summary summary = batch.summary();
        assertEquals(6, summary.tasks());
        assertEquals(0, summary.failed());
        assertTrue(summary.wallMillis() >= 300, summary.line());
        assertTrue(summary.line().startsWith("engine " + engine.name() + ": 6 tasks, 0 failed"), summary.line());
    }

    @Test
    void aFailingTaskIsAFailedOutcomeWithItsStackTrace() {
        List<Outcome> outcomes = engine.submit(List.of(Call.of("boom", 1), Call.of("echo", "ok"),
                Call.of("nope"))).await();
        assertFalse(outcomes.get(0).ok());
        assertTrue(outcomes.get(0).error().contains("IllegalStateException: boom [1]"), outcomes.get(0).error());
        assertEquals("ok", outcomes.get(1).value());
        assertTrue(outcomes.get(2).error().contains("task 'nope' is unknown"), outcomes.get(2).error());
    }

    @Test
    void largeResultsAndSeveralBatchesAtOnce() {
        Batch a = engine.submit(List.of(Call.of("big", 100_000), Call.of("echo", 1)));
        Batch b = engine.submit(List.of(Call.of("echo", 2)));
        assertEquals(2L, b.await().get(0).value());
        assertEquals(100_000, ((String) a.await().get(0).value()).length());
    }

    @Test
    void aClosedEngineRefusesBatches() {
        engine.close();
        assertThrows(RanksException.class, () -> engine.submit(List.of(Call.of("echo", 1))));
    }
}
