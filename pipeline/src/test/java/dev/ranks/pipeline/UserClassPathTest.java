package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' providers loaded from a {@link UserClassPath}: one registry with the class path's tasks,
 * the class path passed on to worker processes, and each broken provider an {@code ARG} error
 * naming it and where it is listed.
 */
class UserClassPathTest {
    @TempDir
    Path tmp;

    /** A directory whose service file names these classes, as a user's jar would. */
    private UserClassPath listing(String... providers) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("user-" + String.join("-", providers).hashCode()));
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(TaskProvider.class.getName()), "# the user's tasks\n"
                + String.join("\n", providers) + "\n");
        return UserClassPath.parse(dir.toString());
    }

    private static RanksException loadFails(UserClassPath classPath) {
        RanksException e = assertThrows(RanksException.class, () -> TaskRegistry.load(classPath));
        assertEquals(ErrorClass.ARG, e.errorClass());
        return e;
    }

    @Test
    void theClassPathsTasksJoinTheBuiltInOnes() throws IOException {
        UserClassPath classPath = listing(UserProviders.Triple.class.getName());
        TaskRegistry registry = TaskRegistry.load(classPath);
        assertEquals(List.of("big", "boom", "echo", "sleep", "square", "triple"), List.copyOf(registry.names()));
        assertEquals("triple", registry.task("tasks.triple").name());
        assertEquals(classPath, registry.classPath());
        assertEquals(126L, registry.run(0, Call.of("tasks.triple", 42), "here", 1).value());
        assertTrue(TaskRegistry.load().classPath().isEmpty());
        assertThrows(RanksException.class, () -> TaskRegistry.load().task("triple"));
    }

    @Test
    void workerProcessesGetTheClassPath() throws IOException {
        // The class is on every JVM's class path; only the service file in the directory names it.
        TaskRegistry registry = TaskRegistry.load(listing(UserProviders.Triple.class.getName()));
        try (Engine engine = Engines.open("processes", EngineConfig.defaults().withWorkers(2).withRegistry(registry))) {
            List<Outcome> outcomes = engine.submit(List.of(Call.of("triple", 1), Call.of("tasks.triple", 2),
                    Call.of("triple", 3))).await();
            assertEquals(List.of(3L, 6L, 9L), outcomes.stream().map(Outcome::value).toList());
            assertTrue(outcomes.stream().allMatch(o -> o.worker().startsWith("process-")), outcomes.toString());
        }
    }

    @Test
    void aPathListReadsLikeJavasClassPath() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        UserClassPath classPath = UserClassPath.parse(a + File.pathSeparator + b);
        assertEquals(List.of(a, b), classPath.entries());
        assertEquals(classPath, UserClassPath.parse(classPath.text()));
        assertTrue(UserClassPath.NONE.isEmpty());
    }

    @Test
    void aMissingEmptyOrNonJarEntryIsRefused() throws IOException {
        Path missing = tmp.resolve("nope.jar");
        RanksException e = assertThrows(RanksException.class, () -> UserClassPath.parse(tmp + File.pathSeparator + missing));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("class path entry " + missing + " does not exist: expected a jar or a directory of classes",
                e.getMessage());
        e = assertThrows(RanksException.class, () -> UserClassPath.parse(tmp + File.pathSeparator));
        assertTrue(e.getMessage().contains("has an empty entry: expected jars and directories separated by"),
                e.getMessage());
        Path text = Files.writeString(tmp.resolve("tasks.jar"), "not a zip");
        e = assertThrows(RanksException.class, () -> UserClassPath.parse(text.toString()));
        assertTrue(e.getMessage().startsWith("class path entry " + text + " is not a readable jar"), e.getMessage());
    }

    @Test
    void aProviderThatIsMissingOrNotAProviderIsNamedWithItsServiceFile() throws IOException {
        RanksException missing = loadFails(listing("com.example.Gone"));
        assertTrue(missing.getMessage().startsWith("a task provider cannot be loaded: java.util.ServiceConfigurationError: "
                + "dev.ranks.pipeline.TaskProvider: Provider com.example.Gone not found"), missing.getMessage());
        assertTrue(missing.getMessage().contains("(listed in file:" + tmp), missing.getMessage());
        assertTrue(missing.getMessage().endsWith(": expected a public class implementing dev.ranks.pipeline.TaskProvider"
                + " with a public no-argument constructor, named in META-INF/services/dev.ranks.pipeline.TaskProvider"),
                missing.getMessage());
        RanksException notOne = loadFails(listing(Call.class.getName()));
        assertTrue(notOne.getMessage().contains("dev.ranks.pipeline.Call not a subtype"), notOne.getMessage());
    }

    @Test
    void aProviderThatThrowsIsNamedWithWhatItThrew() throws IOException {
        RanksException constructor = loadFails(listing(UserProviders.Throwing.class.getName()));
        assertTrue(constructor.getMessage().contains("Provider dev.ranks.pipeline.UserProviders$Throwing could not be"
                + " instantiated (caused by java.lang.IllegalStateException: no licence file)"), constructor.getMessage());
        RanksException tasks = loadFails(listing(UserProviders.FailingTasks.class.getName()));
        assertTrue(tasks.getMessage().startsWith("task provider dev.ranks.pipeline.UserProviders$FailingTasks from "),
                tasks.getMessage());
        assertTrue(tasks.getMessage().contains(" failed to list its tasks: java.lang.IllegalStateException: the task"
                + " table is missing: expected tasks() and aliases() to return"), tasks.getMessage());
    }

    @Test
    void twoTasksWithOneNameNameBothProviders() throws IOException {
        RanksException e = loadFails(listing(UserProviders.SecondEcho.class.getName()));
        assertTrue(e.getMessage().startsWith("task name 'echo' is registered twice, by dev.ranks.pipeline.TestTasks from "),
                e.getMessage());
        assertTrue(e.getMessage().contains(" and by dev.ranks.pipeline.UserProviders$SecondEcho from "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": expected each task name once"), e.getMessage());
    }

    @Test
    void anAliasNamingNoTaskOrATaskNameIsRefused() throws IOException {
        RanksException dangling = loadFails(listing(UserProviders.DanglingAlias.class.getName()));
        assertTrue(dangling.getMessage().startsWith("alias 'tasks.gone' given by dev.ranks.pipeline.UserProviders$DanglingAlias"
                + " from "), dangling.getMessage());
        assertTrue(dangling.getMessage().contains(" names task 'gone', which is unknown: expected one of big, boom, echo,"),
                dangling.getMessage());
        RanksException shadow = loadFails(listing(UserProviders.AliasShadowsTask.class.getName()));
        assertTrue(shadow.getMessage().contains("alias 'square' given by dev.ranks.pipeline.UserProviders$AliasShadowsTask")
                && shadow.getMessage().endsWith("is also the name of a task given by dev.ranks.pipeline.TestTasks from "
                + Path.of(System.getProperty("basedir", "."), "target", "test-classes").toAbsolutePath().normalize()
                + ": expected aliases that are not task names"), shadow.getMessage());
    }
}
