package dev.ranks.workloads.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.TaskRegistry;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
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

    @Test
    void checkRefusesWhatRunWouldRefuseWithoutRunning() {
        for (Call bad : List.of(Call.of("fib", -1L), Call.of("fibo_task", "abc"), Call.of("fib"), Call.of("sqrt", -4.0),
                Call.of("crawl_page", "no-scheme"), new Call("crawl_page", List.of("http://x/"), Map.of("delay_ms", -1L)))) {
            RanksException e = assertThrows(RanksException.class, () -> registry.check(bad), bad::toString);
            assertEquals(ErrorClass.ARG, e.errorClass());
            assertEquals(registry.run(0, bad, "t", 1).error().lines().findFirst().orElseThrow(),
                    "dev.ranks.comm.RanksException: " + e.getMessage(), "the same message as the run's");
        }
        assertTrue(assertThrows(RanksException.class, () -> registry.check(Call.of("fib", "abc"))).getMessage()
                .startsWith("fib argument \"abc\" is invalid"), "a string shows its quotes");
        registry.check(Call.of("fib", 100_000_000L));
        registry.check(Call.of("crawl_page", "http://127.0.0.1:1/"));
    }

    private Outcome run(String task, Object arg) {
        return registry.run(0, Call.of(task, arg), "test", 1);
    }
}
