package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tasks by name and alias. {@link #load()} gathers every {@link TaskProvider} on the class path, so
 * that a worker process or a FIFO worker finds the same tasks as the client that started it;
 * {@link #load(UserClassPath)} adds the providers of users' jars and directories, and remembers them
 * ({@link #classPath()}) for the worker processes an engine starts.
 *
 * <p>Every problem with the providers is an {@link ErrorClass#ARG} error at load time, naming the
 * provider and where it came from: a provider that cannot be loaded or instantiated, one whose
 * {@code tasks()} or {@code aliases()} throws, a task without a name, two tasks with one name, an
 * alias given twice, an alias that is a task's name, and an alias naming no task.
 */
public final class TaskRegistry {
    private static final String SERVICE_FILE = "META-INF/services/" + TaskProvider.class.getName();
    private static final String PROVIDER_EXPECTED = "expected a public class implementing "
            + TaskProvider.class.getName() + " with a public no-argument constructor, named in " + SERVICE_FILE;

    private final Map<String, Task> tasks = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    /** Who gave each task and alias, for the messages: a provider and where it was loaded from. */
    private final Map<String, String> taskOrigins = new HashMap<>();
    private final Map<String, String> aliasOrigins = new HashMap<>();
    private final UserClassPath classPath;

    private TaskRegistry(UserClassPath classPath) {
        this.classPath = classPath;
    }

    /**
     * Gathers the tasks of every {@link TaskProvider} service on the class path.
     *
     * @return the registry
     * @throws RanksException ({@link ErrorClass#ARG}) naming the provider, when a provider cannot be
     *     loaded or fails, two tasks share a name, or an alias is given twice or names no task
     */
    public static TaskRegistry load() {
        return load(UserClassPath.NONE);
    }

    /**
     * Gathers the tasks of every {@link TaskProvider} service on the class path and in users' jars
     * and directories, into one registry.
     *
     * @param classPath the users' jars and directories; their providers are loaded in a class
     *     loader of their own, whose parent is this class's loader
     * @return the registry, remembering {@code classPath}
     * @throws RanksException ({@link ErrorClass#ARG}) naming the provider and its jar, when a
     *     provider cannot be loaded or fails, two tasks share a name, or an alias is given twice or
     *     names no task
     */
    public static TaskRegistry load(UserClassPath classPath) {
        ClassLoader loader = classPath.loader(TaskRegistry.class.getClassLoader());
        TaskRegistry registry = new TaskRegistry(classPath);
        Iterator<TaskProvider> providers = ServiceLoader.load(TaskProvider.class, loader).iterator();
        while (true) {
            TaskProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new RanksException(ErrorClass.ARG, -1, "a task provider cannot be loaded: " + describe(e)
                        + listedIn(describe(e), loader) + ": " + PROVIDER_EXPECTED, e);
            }
            registry.add(provider);
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
     *     no task or is a task's name
     */
    public static TaskRegistry of(Collection<? extends Task> tasks, Map<String, String> aliases) {
        TaskRegistry registry = new TaskRegistry(UserClassPath.NONE);
        for (Task task : tasks) {
            registry.addTask(task, task == null ? "the given tasks" : task.getClass().getName());
        }
        aliases.forEach((alias, name) -> registry.addAlias(alias, name, "the given aliases"));
        registry.checkAliases();
        return registry;
    }

    /**
     * @return the users' jars and directories this registry's tasks were loaded from besides the
     *     class path; {@link UserClassPath#NONE} for {@link #load()} and {@link #of}
     */
    public UserClassPath classPath() {
        return classPath;
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
        return ContextLoaderTask.of(task);
    }

    /**
     * Checks a call before it is sent: its task exists and accepts its arguments
     * ({@link Task#check}).
     *
     * @param call the call
     * @throws RanksException ({@link ErrorClass#ARG}) naming the unknown task, or the bad argument
     *     and what was expected
     */
    public void check(Call call) {
        Task task = task(call.task());
        try {
            task.check(call.args(), call.kwargs());
        } catch (IllegalArgumentException e) {
            throw new RanksException(ErrorClass.ARG, -1, e.getMessage(), e);
        }
    }

    /** @return the task names, sorted */
    public Set<String> names() {
        return new TreeSet<>(tasks.keySet());
    }

    /** @return alias to task name, sorted by alias */
    public Map<String, String> aliases() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(aliases));
    }

    /**
     * Runs a call here and now, catching its failure, as every engine's worker does; the task sees a
     * {@link TaskContext} with a fresh random id.
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
            Object result = new TaskContext(UUID.randomUUID().toString(), call.task())
                    .run(task(call.task()), call.args(), call.kwargs());
            return Outcome.success(index, call, result, worker, (System.nanoTime() - start) / 1e6, attempts);
        } catch (Exception e) {
            return Outcome.failure(index, call, Outcome.trace(e), worker, (System.nanoTime() - start) / 1e6, attempts);
        }
    }

    private void add(TaskProvider provider) {
        String origin = origin(provider.getClass());
        List<Task> given;
        Map<String, String> givenAliases;
        try {
            given = provider.tasks();
            givenAliases = provider.aliases();
        } catch (RuntimeException | LinkageError e) {
            throw new RanksException(ErrorClass.ARG, -1, "task provider " + origin + " failed to list its tasks: "
                    + describe(e) + ": expected tasks() and aliases() to return its tasks and their aliases", e);
        }
        if (given == null || givenAliases == null) {
            throw new RanksException(ErrorClass.ARG, "task provider " + origin + " returned null from "
                    + (given == null ? "tasks()" : "aliases()") + ": expected a list of tasks and a map of aliases,"
                    + " empty when there are none");
        }
        for (Task task : given) {
            addTask(task, origin);
        }
        givenAliases.forEach((alias, name) -> addAlias(alias, name, origin));
    }

    private void addTask(Task task, String origin) {
        String name = task == null ? null : task.name();
        if (name == null || name.isBlank()) {
            throw new RanksException(ErrorClass.ARG, (task == null ? "a null task" : "task " + task.getClass().getName()
                    + " has the name '" + name + "' and") + " is given by " + origin
                    + ": expected tasks with non-empty names");
        }
        Task previous = tasks.putIfAbsent(name, task);
        if (previous != null) {
            throw new RanksException(ErrorClass.ARG, "task name '" + name + "' is registered twice, by "
                    + taskOrigins.get(name) + " (" + previous.getClass().getName() + ") and by " + origin + " ("
                    + task.getClass().getName() + "): expected each task name once");
        }
        taskOrigins.put(name, origin);
    }

    private void addAlias(String alias, String name, String origin) {
        if (alias == null || alias.isBlank() || name == null) {
            throw new RanksException(ErrorClass.ARG, "alias '" + alias + "' for task '" + name + "' given by " + origin
                    + " is invalid: expected a non-empty alias naming a task");
        }
        String previous = aliases.putIfAbsent(alias, name);
        if (previous != null) {
            throw new RanksException(ErrorClass.ARG, "alias '" + alias + "' is given twice, by " + aliasOrigins.get(alias)
                    + " (for task '" + previous + "') and by " + origin + " (for task '" + name
                    + "'): expected each alias once");
        }
        aliasOrigins.put(alias, origin);
    }

    private void checkAliases() {
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            String alias = e.getKey();
            if (tasks.containsKey(alias)) {
                throw new RanksException(ErrorClass.ARG, "alias '" + alias + "' given by " + aliasOrigins.get(alias)
                        + " is also the name of a task given by " + taskOrigins.get(alias)
                        + ": expected aliases that are not task names");
            }
            if (!tasks.containsKey(e.getValue())) {
                throw new RanksException(ErrorClass.ARG, "alias '" + alias + "' given by " + aliasOrigins.get(alias)
                        + " names task '" + e.getValue() + "', which is unknown: expected one of "
                        + String.join(", ", names()));
            }
        }
    }

    /** @return the class's name and the jar or directory it was loaded from, when known */
    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName();
        }
        URL location = source.getLocation();
        try {
            return type.getName() + " from " + Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return type.getName() + " from " + location;
        }
    }

    /** @return the error's message, and its cause's, which says what the provider's code threw */
    private static String describe(Throwable e) {
        String text = e.toString();
        Throwable cause = e.getCause();
        return cause == null ? text : text + " (caused by " + cause + ")";
    }

    /**
     * @return {@code " (listed in FILE, ...)"} for the service files naming a class that the message
     *     names, or an empty string when none does
     */
    private static String listedIn(String message, ClassLoader loader) {
        List<String> files = new ArrayList<>();
        try {
            for (URL file : Collections.list(loader.getResources(SERVICE_FILE))) {
                try (InputStream in = file.openStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    boolean names = text.lines().map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(name -> !name.isEmpty())
                            .anyMatch(name -> Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])")
                                    .matcher(message).find());
                    if (names) {
                        files.add(file.toString());
                    }
                }
            }
        } catch (IOException e) {
            return " (the service files cannot be read: " + e + ")";
        }
        return files.isEmpty() ? "" : " (listed in " + String.join(", ", files) + ")";
    }
}
