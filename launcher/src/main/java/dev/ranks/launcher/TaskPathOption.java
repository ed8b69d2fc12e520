package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.UserClassPath;
import dev.ranks.pipeline.TaskRegistry;
import picocli.CommandLine.Option;

/**
 * The {@code --class-path} option of the commands that run or serve tasks: the users' jars and
 * directories whose {@code TaskProvider}s join the built-in tasks. A picocli mixin; the registry is
 * loaded once per command, and every engine that starts workers passes the class path on to them.
 * See docs/pipeline.md.
 */
final class TaskPathOption {
    @Option(names = "--class-path", paramLabel = "PATH",
            description = "Jars and directories of your own tasks, separated by ':' (';' on Windows) as for java -cp: their"
                    + " TaskProviders (named in META-INF/services/dev.ranks.pipeline.TaskProvider) join the built-in tasks,"
                    + " here and in every worker this command starts. See docs/pipeline.md.")
    String classPath;

    private TaskRegistry registry;

    /** @return whether {@code --class-path} was given */
    boolean given() {
        return classPath != null;
    }

    /**
     * Loads the built-in tasks and those of {@code --class-path}, once.
     *
     * @return the registry, remembering the class path for the workers engines start
     * @throws RanksException ({@link ErrorClass#ARG}) naming the entry or the provider: an entry
     *     that does not exist, a provider that cannot be loaded or fails, two tasks with one name,
     *     an alias naming no task
     */
    TaskRegistry registry() {
        if (registry == null) {
            registry = TaskRegistry.load(classPath == null ? UserClassPath.NONE : UserClassPath.parse(classPath));
        }
        return registry;
    }
}
