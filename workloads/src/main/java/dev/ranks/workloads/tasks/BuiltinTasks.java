package dev.ranks.workloads.tasks;

import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskProvider;
import java.util.List;
import java.util.Map;

/**
 * Registers the built-in tasks: {@code fib}, {@code sqrt} and {@code crawl_page}, Ranks' own; the
 * books' Celery tasks as the books define them, {@code hello_world}, {@code fibo_task} (a pair
 * {@code [n, message]} naming the task id) and {@code crawl_task} (a message naming the task id and
 * the links), with the Cookbook's {@code add} and {@code square}; and the names Celery clients send
 * ({@code tasks.hello_world}, {@code tasks.fibo_task}, {@code tasks.sqrt_task} and
 * {@code sqrt_task} for {@code sqrt}, {@code tasks.crawl_task}, {@code addTask.add},
 * {@code tasks.square}) as aliases.
 */
public final class BuiltinTasks implements TaskProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BuiltinTasks() {
    }

    @Override
    public List<Task> tasks() {
        return List.of(new FibTask(), new SqrtTask(), new CrawlPageTask(), new HelloWorldTask(), new FiboTask(),
                new CrawlTask(), new ArithmeticTasks.Add(), new ArithmeticTasks.Square());
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("tasks.hello_world", "hello_world", "tasks.fibo_task", "fibo_task",
                "tasks.sqrt_task", "sqrt", "sqrt_task", "sqrt", "tasks.crawl_task", "crawl_task",
                "addTask.add", "add", "tasks.square", "square");
    }
}
