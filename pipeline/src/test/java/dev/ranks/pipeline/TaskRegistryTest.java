package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {
    private final TaskRegistry registry = TaskRegistry.load();

    @Test
    void findsTasksByNameAndAlias() {
        assertEquals("echo", registry.task("echo").name());
        assertEquals("echo", registry.task("tasks.echo_task").name());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        RanksException e = assertThrows(RanksException.class, () -> registry.task("nope"));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("echo, ")
                && e.getMessage().contains("tasks.echo_task"), e.getMessage());
    }

    @Test
    void runCatchesFailuresWithTheirStackTrace() {
        Outcome o = registry.run(3, Call.of("boom", 1), "here", 1);
        assertFalse(o.ok());
        assertEquals(3, o.index());
        assertTrue(o.error().startsWith("java.lang.IllegalStateException: boom [1]"), o.error());
        assertTrue(o.error().contains("\tat "), o.error());
        assertEquals(ErrorClass.ABORTED, assertThrows(RanksException.class, o::value).errorClass());
        assertFalse(registry.run(0, Call.of("nope"), "here", 1).ok());
    }

    @Test
    void duplicateNamesAndDanglingAliasesAreRejected() {
        Task echo = registry.task("echo");
        assertThrows(RanksException.class, () -> TaskRegistry.of(List.of(echo, echo), Map.of()));
        assertThrows(RanksException.class, () -> TaskRegistry.of(List.of(echo), Map.of("x", "missing")));
    }
}
