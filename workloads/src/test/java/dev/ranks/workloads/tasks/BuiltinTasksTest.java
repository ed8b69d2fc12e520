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
        assertEquals(832040L, run("fib", 30L).value());
        assertEquals(0L, run("fib", 0L).value());
        assertEquals(209, ((BigInteger) run("fib", 1000L).value()).toString().length());
    }

    @Test
    void theBooksFiboTaskIsAPairNamingItsTaskId() {
        Outcome o = run("tasks.fibo_task", 30L);
        List<?> pair = (List<?>) o.value();
        assertEquals(30L, pair.get(0));
        String message = (String) pair.get(1);
        assertTrue(message.matches("The Fibonacci calculated with task id [0-9a-f-]{36} was 832040"), message);
        assertTrue(((String) ((List<?>) run("fibo_task", 300L).value()).get(1))
                .endsWith(" was 222232244629420445529739893461909967206666939096499764990979600"));
        assertTrue(run("fibo_task", -1L).error().contains("fibo_task argument -1 is invalid"));
    }

    @Test
    void theBooksOneLiners() {
        assertEquals("Hello I'm a celery task", registry.run(0, Call.of("tasks.hello_world"), "t", 1).value());
        assertTrue(registry.run(0, Call.of("hello_world", 1L), "t", 1).error().contains("hello_world takes no arguments"));
        assertEquals(10L, registry.run(0, Call.of("addTask.add", 5L, 5L), "t", 1).value());
        assertEquals(2.5, registry.run(0, Call.of("add", 2L, 0.5), "t", 1).value());
        assertEquals(new BigInteger("18446744073709551614"),
                registry.run(0, Call.of("add", Long.MAX_VALUE, Long.MAX_VALUE), "t", 1).value());
        assertEquals(9801L, run("square", 99L).value());
        assertEquals(2.25, run("tasks.square", 1.5).value());
        assertEquals(new BigInteger("85070591730234615847396907784232501249"), run("square", Long.MAX_VALUE).value());
        assertTrue(run("square", "x").error().contains("square argument \"x\" is invalid: expected a number"));
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
        for (Call bad : List.of(Call.of("fib", -1L), Call.of("fibo_task", "abc"), Call.of("add", 1L),
                Call.of("hello_world", 1L), Call.of("crawl_task", "no-scheme"), Call.of("fib"), Call.of("sqrt", -4.0),
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
