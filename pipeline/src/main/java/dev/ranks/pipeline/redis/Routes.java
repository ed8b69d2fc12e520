package dev.ranks.pipeline.redis;

import dev.ranks.pipeline.TaskRegistry;
import java.util.List;
import java.util.Map;

/**
 * Which queue a task goes to when no queue is named: the books' routing, {@code fib} to
 * {@code fibo_queue}, {@code sqrt} to {@code sqrt_queue}, {@code crawl_page} to
 * {@code webcrawler_queue}, anything else to Celery's default queue {@code celery}. Aliases such as
 * {@code tasks.fibo_task} route as the task they name.
 */
public final class Routes {
    /** Celery's default queue. */
    public static final String DEFAULT_QUEUE = "celery";

    private static final Map<String, String> BY_TASK = Map.of("fib", "fibo_queue", "sqrt", "sqrt_queue",
            "crawl_page", "webcrawler_queue");

    private Routes() {
    }

    /**
     * @param task a task name or alias
     * @param registry the registry that resolves aliases
     * @return its queue
     */
    public static String queueFor(String task, TaskRegistry registry) {
        String name = registry.aliases().getOrDefault(task, task);
        return BY_TASK.getOrDefault(name, DEFAULT_QUEUE);
    }

    /** @return every queue of the routing, the default one last: what a worker consumes unless told */
    public static List<String> allQueues() {
        return List.of("fibo_queue", "sqrt_queue", "webcrawler_queue", DEFAULT_QUEUE);
    }
}
