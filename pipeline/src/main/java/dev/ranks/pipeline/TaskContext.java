package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a running task may know of its call: the call's id and the name it was called by; Celery's
 * {@code self.request.id} and {@code self.request.task}. A task reads it with {@link #current()} on
 * the thread that runs it; {@link Task#run} keeps its shape, so tasks that do not need it ignore it.
 *
 * <p>The {@code redis} engine's worker runs each message with the message's own id, the id the
 * Celery client's {@code AsyncResult.id} holds, so that a task such as the books' {@code fibo_task}
 * can write the real task id into its result. The other engines ({@code threads}, {@code processes},
 * {@code fifo}) run each call with a fresh random UUID, as a Celery worker would give an
 * {@code apply()}'d call. A task called directly, outside any engine (a unit test calling
 * {@link Task#run}), sees no context: {@link #current()} is empty and {@link #currentId()} makes up a
 * fresh UUID.
 *
 * @param id the call's id, such as {@code 7b0c1e2a-...}
 * @param task the name the call used: the task's name or one of its aliases
 */
public record TaskContext(String id, String task) {
    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    /**
     * @param id the call's id
     * @param task the name the call used
     */
    public TaskContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
    }

    /** @return the context of the call this thread is running, empty outside a run */
    public static Optional<TaskContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the id of the call this thread is running, or a fresh random UUID outside a run */
    public static String currentId() {
        TaskContext context = CURRENT.get();
        return context == null ? UUID.randomUUID().toString() : context.id;
    }

    /**
     * Runs a task with this context current on this thread, then restores the one before (none,
     * usually).
     *
     * @param task the task
     * @param args its positional arguments
     * @param kwargs its keyword arguments
     * @return what the task returned
     * @throws Exception what the task threw
     */
    public Object run(Task task, List<Object> args, Map<String, Object> kwargs) throws Exception {
        TaskContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return task.run(args, kwargs);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
