package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tasks by name and alias. {@link #load()} gathers every {@link TaskProvider} on the class path, so
 * that a worker process or a FIFO worker finds the same tasks as the client that started it.
 */
public final class TaskRegistry {
    private final Map<String, Task> tasks = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();

    private TaskRegistry() {
    }

    /**
     * Gathers the tasks of every {@link TaskProvider} service.
     *
     * @return the registry
     * @throws RanksException ({@link ErrorClass#ARG}) when two tasks share a name, or an alias names
     *     no task
     */
    public static TaskRegistry load() {
        TaskRegistry registry = new TaskRegistry();
        for (TaskProvider provider : ServiceLoader.load(TaskProvider.class, TaskRegistry.class.getClassLoader())) {
            registry.addAll(provider.tasks(), provider.aliases());
        }
        registry.checkAliases();
        return registry;
    }

    /**
     * A registry of the given tasks only.
     *
     * @param tasks the tasks
     * @param aliases alias to task name
     * @return the registry
     * @throws RanksException ({@link ErrorClass#ARG}) when two tasks share a name, or an alias names
     *     no task
     */
    public static TaskRegistry of(Collection<? extends Task> tasks, Map<String, String> aliases) {
        TaskRegistry registry = new TaskRegistry();
        registry.addAll(tasks, aliases);
        registry.checkAliases();
        return registry;
    }

    /**
     * Finds a task by name or alias.
     *
     * @param name a task name or alias
     * @return the task
     * @throws RanksException ({@link ErrorClass#ARG}) naming the known tasks when there is none of that name
     */
    public Task task(String name) {
        Task task = tasks.get(aliases.getOrDefault(name, name));
        if (task == null) {
            throw new RanksException(ErrorClass.ARG, "task '" + name + "' is unknown: expected one of "
                    + String.join(", ", names()) + (aliases.isEmpty() ? "" : " (or an alias: "
                    + String.join(", ", aliases.keySet()) + ")"));
        }
        return task;
    }

    /** @return the task names, sorted */
    public Set<String> names() {
        return new TreeSet<>(tasks.keySet());
    }

    /** @return alias to task name, sorted by alias */
    public Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    /**
     * Runs a call here and now, catching its failure, as every engine's worker does.
     *
     * @param index the call's position in its batch
     * @param call the call
     * @param worker the worker running it, written into the outcome
     * @param attempts how many times the call was started, this run included
     * @return the outcome; an unknown task or a task's exception is a failed outcome, never thrown
     */
    public Outcome run(int index, Call call, String worker, int attempts) {
        long start = System.nanoTime();
        try {
            Object result = task(call.task()).run(call.args(), call.kwargs());
            return Outcome.success(index, call, result, worker, (System.nanoTime() - start) / 1e6, attempts);
        } catch (Exception e) {
            return Outcome.failure(index, call, Outcome.trace(e), worker, (System.nanoTime() - start) / 1e6, attempts);
        }
    }

    private void addAll(Collection<? extends Task> more, Map<String, String> moreAliases) {
        for (Task task : more) {
            Task previous = tasks.putIfAbsent(task.name(), task);
            if (previous != null) {
                throw new RanksException(ErrorClass.ARG, "task name '" + task.name() + "' is registered twice, by "
                        + previous.getClass().getName() + " and " + task.getClass().getName()
                        + ": expected unique names");
            }
        }
        aliases.putAll(moreAliases);
    }

    private void checkAliases() {
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            if (!tasks.containsKey(e.getValue())) {
                throw new RanksException(ErrorClass.ARG, "alias '" + e.getKey() + "' names task '" + e.getValue()
                        + "', which is unknown: expected one of " + String.join(", ", names()));
            }
        }
    }
}
