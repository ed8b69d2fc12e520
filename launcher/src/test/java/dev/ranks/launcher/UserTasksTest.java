package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.UserClassPath;
import dev.ranks.pipeline.TaskRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users' tasks with {@code --class-path}: jars compiled here, never on this JVM's class path, run on
 * every engine of {@code run-task} and reach every worker of {@code fib --engine}; each broken jar
 * stops {@code worker}, {@code run-task} and {@code fib --engine} at start-up with exit 2 and a
 * message naming the provider. {@code UserTasksIT} has the worker processes, Redis and Celery.
 */
class UserTasksTest {
    @TempDir
    static Path jars;

    @TempDir
    Path tmp;

    private static Path examples;
    private static Path marker;

    @BeforeAll
    static void compile() throws IOException {
        examples = UserTaskJars.examples(jars);
        // Each JVM that loads this provider leaves loaded-PID beside the jar.
        marker = UserTaskJars.jar(jars, "marker", Map.of("user.Marker", UserTaskJars.provider("Marker",
                "java.nio.file.Files.write(java.nio.file.Path.of(getClass().getProtectionDomain().getCodeSource()"
                        + ".getLocation().toURI()).resolveSibling(\"loaded-\" + ProcessHandle.current().pid()), new byte[0]);",
                Map.of("pid", "ProcessHandle.current().pid()"), Map.of())), "user.Marker\n");
    }

    private static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes", "ranks", "fifo"})
    void runTaskRunsTheExamplesTaskByItsCeleryAliasOnEveryEngine(String engine) {
        Path fifo = tmp.resolve("pipes");
        FifoWorker worker = engine.equals("fifo")
                ? FifoWorker.serve(fifo, TaskRegistry.load(UserClassPath.parse(examples.toString())), 2, System.err) : null;
        try {
            List<String> options = switch (engine) {
                case "ranks" -> List.of("-n", "3", "run-task");
                default -> List.of("run-task");
            };
            List<String> extra = switch (engine) {
                case "ranks" -> List.of();
                case "fifo" -> List.of("--fifo-dir", fifo.toString());
                default -> List.of("--workers", "2");
            };
            CliRun run = CliRun.of(concat(options, concat(List.of("tasks.collatz_steps", "27", "--repeat", "3",
                    "--engine", engine, "--class-path", examples.toString()), extra.toArray(String[]::new))));
            assertEquals(0, run.exitCode(), run::toString);
            List<String> lines = run.outLines();
            assertEquals(4, lines.size(), run::toString);
            String worker0 = switch (engine) {
                case "threads" -> "thread-";
                case "processes" -> "process-";
                case "ranks" -> "rank-";
                default -> "worker-";
            };
            for (String line : lines.subList(0, 3)) {
                assertTrue(line.startsWith("{\"task\":\"tasks.collatz_steps\",\"args\":[27],\"result\":111,\"worker\":\""
                        + worker0), run::toString);
            }
            assertTrue(lines.get(3).startsWith("engine " + engine + ": 3 tasks, 0 failed"), run::toString);
        } finally {
            if (worker != null) {
                worker.close();
            }
        }
    }

    @Test
    void theTasksOwnErrorFailsTheCallAndWithoutTheClassPathItIsUnknown() {
        CliRun zero = CliRun.of("run-task", "collatz_steps", "0", "--class-path", examples.toString(), "--engine",
                "processes", "--workers", "1");
        assertEquals(1, zero.exitCode(), "a task without a check() fails when it runs: " + zero);
        assertTrue(zero.out().contains("\"error\":\"java.lang.IllegalArgumentException: collatz_steps argument 0 is"
                + " invalid: expected a positive integer up to 9223372036854775807\",\"worker\""),
                "stdout's JSON holds the error's first line: " + zero);
        assertTrue(zero.err().contains("task collatz_steps [0] failed on process-0"), zero::toString);
        assertTrue(zero.err().contains("dev.ranks.examples.CollatzTasks$CollatzSteps.run(CollatzTasks.java:"),
                "the trace goes to stderr: " + zero);
        CliRun one = CliRun.of("run-task", "collatz_steps", "1", "--class-path", examples.toString());
        assertTrue(one.out().startsWith("{\"task\":\"collatz_steps\",\"args\":[1],\"result\":0,"), one::toString);
        CliRun unknown = CliRun.of("run-task", "collatz_steps", "27");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("task 'collatz_steps' is unknown: expected one of add, crawl_page, crawl_task, fib, fibo_task, hello_world, sqrt, square"),
                unknown::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes", "ranks"})
    void fibOnAnEngineLoadsTheClassPathInEveryWorker(String engine) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(engine));
        Path jar = Files.copy(marker, dir.resolve("marker.jar"));
        List<String> fib = List.of("fib", "30", "1000", "--engine", engine, "--class-path", jar.toString());
        CliRun run = CliRun.of(engine.equals("ranks") ? concat(List.of("-n", "3"), fib.toArray(String[]::new))
                : concat(fib, "--workers", "2"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(1).matches("\\s*30\\s+6\\s+\\d\\s+[0-9.]+\\s+832040"), run::toString);
        Set<Long> loadedIn;
        try (var files = Files.list(dir)) {
            loadedIn = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("loaded-"))
                    .map(n -> Long.parseLong(n.substring("loaded-".length()))).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(loadedIn.contains(ProcessHandle.current().pid()), loadedIn::toString);
        assertEquals(engine.equals("processes") ? 3 : 1, loadedIn.size(),
                "the launcher and each worker JVM loaded the user's provider: " + loadedIn);
    }

    @Test
    void aUserTaskRunsWithItsOwnJarAsTheContextClassLoader() throws IOException {
        Path jar = UserTaskJars.jar(tmp, "context", Map.of("user.Context", UserTaskJars.provider("Context", "",
                Map.of("own_loader", "Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()"),
                Map.of())), "user.Context\n");

        for (String engine : List.of("threads", "processes")) {
            CliRun run = CliRun.of("run-task", "own_loader", "--class-path", jar.toString(), "--engine", engine,
                    "--workers", "1");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("\"result\":true"), engine + ": " + run);
        }
    }

    @Test
    void theClassPathNeedsAnEngineInFib() {
        CliRun run = CliRun.of("fib", "30", "--class-path", examples.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--class-path is given without --engine: expected --engine"), run::toString);
    }

    /** Each command that loads tasks, with a class path appended. */
    private List<CliRun> everyCommand(String classPath) {
        return List.of(
                CliRun.of("worker", "--class-path", classPath, "--broker", "redis://127.0.0.1:1/0"),
                CliRun.of("worker", "--fifo", tmp.resolve("pipes").toString(), "--class-path", classPath),
                CliRun.of("run-task", "fib", "3", "--class-path", classPath),
                CliRun.of("fib", "3", "--engine", "processes", "--workers", "1", "--class-path", classPath));
    }

    private void everyCommandExitsTwoSaying(String classPath, String... parts) {
        for (CliRun run : everyCommand(classPath)) {
            assertEquals(2, run.exitCode(), run::toString);
            for (String part : parts) {
                assertTrue(run.err().contains(part), () -> "expected '" + part + "' in " + run);
            }
            assertFalse(run.err().contains("consumes") || run.err().contains("serves"), run::toString);
        }
        assertFalse(Files.exists(tmp.resolve("pipes")), "the fifo worker stopped before making its directory");
    }

    @Test
    void aMissingOrEmptyClassPathEntryExitsTwoNamingIt() {
        Path missing = tmp.resolve("nope.jar");
        everyCommandExitsTwoSaying(examples + File.pathSeparator + missing,
                "class path entry " + missing + " does not exist: expected a jar or a directory of classes");
        everyCommandExitsTwoSaying(examples + File.pathSeparator, "has an empty entry");
    }

    @Test
    void aProviderThatCannotBeLoadedExitsTwoNamingItAndItsJar() throws IOException {
        Path gone = UserTaskJars.jar(tmp, "gone", Map.of(), "user.Gone\n");
        everyCommandExitsTwoSaying(gone.toString(), "a task provider cannot be loaded: java.util.ServiceConfigurationError:"
                + " dev.ranks.pipeline.TaskProvider: Provider user.Gone not found (listed in jar:file:" + gone
                + "!/META-INF/services/dev.ranks.pipeline.TaskProvider): expected a public class implementing"
                + " dev.ranks.pipeline.TaskProvider with a public no-argument constructor");
        Path notOne = UserTaskJars.jar(tmp, "not-one", Map.of("user.NotOne", "package user; public class NotOne {}"),
                "user.NotOne\n");
        everyCommandExitsTwoSaying(notOne.toString(), "TaskProvider: user.NotOne not a subtype (listed in jar:file:"
                + notOne + "!/META-INF/services/dev.ranks.pipeline.TaskProvider)");
        Path throwing = UserTaskJars.jar(tmp, "throwing", Map.of("user.Throwing", UserTaskJars.provider("Throwing",
                "throw new IllegalStateException(\"no licence file\");", Map.of(), Map.of())), "user.Throwing\n");
        everyCommandExitsTwoSaying(throwing.toString(), "Provider user.Throwing could not be instantiated (caused by"
                + " java.lang.IllegalStateException: no licence file) (listed in jar:file:" + throwing);
    }

    @Test
    void aProviderWhoseTasksThrowExitsTwoNamingItAndItsJar() throws IOException {
        Path failing = UserTaskJars.jar(tmp, "failing", Map.of("user.Failing", """
                package user;
                public final class Failing implements dev.ranks.pipeline.TaskProvider {
                    public java.util.List<dev.ranks.pipeline.Task> tasks() {
                        throw new IllegalStateException("tasks.csv is missing");
                    }
                }
                """), "user.Failing\n");
        everyCommandExitsTwoSaying(failing.toString(), "task provider user.Failing from " + failing
                + " failed to list its tasks: java.lang.IllegalStateException: tasks.csv is missing: expected tasks() and"
                + " aliases() to return its tasks and their aliases");
    }

    @Test
    void twoTasksWithOneNameExitTwoNamingBothProviders() throws IOException {
        Path fib = UserTaskJars.jar(tmp, "my-fib", Map.of("user.MyFib", UserTaskJars.provider("MyFib", "",
                Map.of("fib", "0L"), Map.of())), "user.MyFib\n");
        everyCommandExitsTwoSaying(fib.toString(), "task name 'fib' is registered twice, by"
                + " dev.ranks.workloads.tasks.BuiltinTasks from ", " and by user.MyFib from " + fib + " (user.MyFib$1):"
                + " expected each task name once");
        Path collatz = UserTaskJars.jar(tmp, "other-collatz", Map.of("user.OtherCollatz", UserTaskJars.provider(
                "OtherCollatz", "", Map.of("collatz_steps", "-1L"), Map.of())), "user.OtherCollatz\n");
        everyCommandExitsTwoSaying(examples + File.pathSeparator + collatz, "task name 'collatz_steps' is registered"
                + " twice, by dev.ranks.examples.CollatzTasks from " + examples, "and by user.OtherCollatz from " + collatz);
    }

    @Test
    void anAliasNamingNoTaskExitsTwoNamingItsProvider() throws IOException {
        Path alias = UserTaskJars.jar(tmp, "alias", Map.of("user.Alias", UserTaskJars.provider("Alias", "",
                Map.of("my_task", "1L"), Map.of("tasks.my_task", "my_tsak"))), "user.Alias\n");
        everyCommandExitsTwoSaying(alias.toString(), "alias 'tasks.my_task' given by user.Alias from " + alias
                + " names task 'my_tsak', which is unknown: expected one of add, crawl_page, crawl_task, fib, fibo_task, hello_world, my_task, sqrt, square");
    }
}
