package dev.ranks.workloads.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.TaskRegistry;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BuiltinTasksTest {
    private final TaskRegistry registry = TaskRegistry.load();

    @Test
    void fibIsExactAndAnsweredUnderItsCeleryNames() {
        assertEquals(new BigInteger("354224848179261915075"), run("fib", 100L).value());
        assertEquals(832040L, run("tasks.fibo_task", 30L).value());
        assertEquals(0L, run("fibo_task", 0L).value());
        assertEquals(209, ((BigInteger) run("fib", 1000L).value()).toString().length());
    }

    @Test
    void sqrtIsADouble() {
        assertEquals(1.4142135623730951, run("sqrt", 2.0).value());
        assertEquals(3.0, run("tasks.sqrt_task", 9L).value());
    }

    @Test
    void badArgumentsFailTheCallNamingTheValue() {
        Outcome negative = run("fib", -1L);
        assertFalse(negative.ok());
        assertTrue(negative.error().contains("fib argument -1 is invalid: expected an integer from 0 to"),
                negative.error());
        assertTrue(run("sqrt", -4.0).error().contains("sqrt argument -4.0 is invalid"));
        assertTrue(registry.run(0, Call.of("fib"), "t", 1).error().contains("fib takes 1 argument, got 0"));
        assertTrue(run("crawl_page", "no-scheme").error().contains("seed URL 'no-scheme' is invalid"));
    }

    private Outcome run(String task, Object arg) {
        return registry.run(0, Call.of(task, arg), "test", 1);
    }
}
