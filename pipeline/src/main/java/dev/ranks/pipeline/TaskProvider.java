package dev.ranks.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A {@link java.util.ServiceLoader} service contributing tasks to {@link TaskRegistry#load()}:
 * register implementations in {@code META-INF/services/dev.ranks.pipeline.TaskProvider}.
 */
public interface TaskProvider {
    /** @return the tasks this provider contributes */
    List<Task> tasks();

    /**
     * Other names for the tasks, such as the Celery name {@code tasks.fibo_task} for {@code fib}.
     *
     * @return alias to task name; empty by default
     */
    default Map<String, String> aliases() {
        return Map.of();
    }
}
