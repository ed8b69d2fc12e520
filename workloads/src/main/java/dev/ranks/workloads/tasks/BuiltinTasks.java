package dev.ranks.workloads.tasks;

import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskProvider;
import java.util.List;
import java.util.Map;

/**
 * Registers {@code fib}, {@code sqrt} and {@code crawl_page}, with the names the books' Celery
 * module {@code tasks.py} gives them ({@code tasks.fibo_task}, {@code tasks.sqrt_task},
 * {@code tasks.crawl_task}, and the same without the module) as aliases.
 */
public final class BuiltinTasks implements TaskProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BuiltinTasks() {
    }

    @Override
    public List<Task> tasks() {
        return List.of(new FibTask(), new SqrtTask(), new CrawlPageTask());
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("tasks.fibo_task", "fib", "fibo_task", "fib",
                "tasks.sqrt_task", "sqrt", "sqrt_task", "sqrt",
                "tasks.crawl_task", "crawl_page", "crawl_task", "crawl_page");
    }
}
