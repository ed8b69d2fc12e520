package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskContextTest {
    /** Returns [id, task] of its context. */
    private static final Task WHO = new Task() {
        @Override
        public String name() {
            return "who";
        }

        @Override
        public Object run(List<Object> args, Map<String, Object> kwargs) {
            TaskContext c = TaskContext.current().orElseThrow();
            assertEquals(c.id(), TaskContext.currentId());
            return List.of(c.id(), c.task());
        }
    };

    @Test
    void aRunSeesItsContextAndNothingLeaksAfterIt() throws Exception {
        assertTrue(TaskContext.current().isEmpty());
        assertEquals(List.of("id-1", "tasks.who"), new TaskContext("id-1", "tasks.who").run(WHO, List.of(), Map.of()));
        assertTrue(TaskContext.current().isEmpty());
        Task failing = new Task() {
            @Override
            public String name() {
                return "fails";
            }

            @Override
            public Object run(List<Object> args, Map<String, Object> kwargs) {
                throw new IllegalStateException(TaskContext.currentId());
            }
        };
        assertEquals("id-2", assertThrows(IllegalStateException.class,
                () -> new TaskContext("id-2", "fails").run(failing, List.of(), Map.of())).getMessage());
        assertTrue(TaskContext.current().isEmpty());
    }

    @Test
    void nestedRunsRestoreTheOuterContext() throws Exception {
        Task outer = new Task() {
            @Override
            public String name() {
                return "outer";
            }

            @Override
            public Object run(List<Object> args, Map<String, Object> kwargs) throws Exception {
                Object inner = new TaskContext("inner", "who").run(WHO, args, kwargs);
                return List.of(inner, TaskContext.currentId());
            }
        };
        assertEquals(List.of(List.of("inner", "who"), "outer"),
                new TaskContext("outer", "outer").run(outer, List.of(), Map.of()));
    }

    @Test
    void outsideARunTheIdIsAFreshUuid() {
        String a = TaskContext.currentId();
        UUID.fromString(a);
        assertNotEquals(a, TaskContext.currentId());
    }
}
