package dev.ranks.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Users' task jars made on the fly, as a user's build would make them: sources compiled with the
 * JDK's compiler against the test class path, packed with a service file naming the providers.
 * The jars are not on the test JVM's class path, so their tasks exist only where --class-path loads them.
 */
final class UserTaskJars {
    /** The example project's provider, compiled from its source as users' jars are. */
    static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples").toAbsolutePath().normalize();

    private UserTaskJars() {
    }

    /**
     * @param dir where the jar and its build go
     * @return a jar of examples/: {@code dev.ranks.examples.CollatzTasks}, task {@code collatz_steps},
     *     alias {@code tasks.collatz_steps}
     */
    static Path examples(Path dir) throws IOException {
        Path source = EXAMPLES.resolve("src/main/java/dev/ranks/examples/CollatzTasks.java");
        String services = Files.readString(EXAMPLES.resolve(
                "src/main/resources/META-INF/services/dev.ranks.pipeline.TaskProvider"));
        return jar(dir, "ranks-examples", Map.of("dev.ranks.examples.CollatzTasks", Files.readString(source)), services);
    }

    /**
     * Compiles classes and packs them with a service file.
     *
     * @param dir where the jar and its build go
     * @param name the jar's name, without {@code .jar}
     * @param sources class name to source text
     * @param services the service file's text: provider class names, one per line
     * @return the jar
     */
    static Path jar(Path dir, String name, Map<String, String> sources, String services) throws IOException {
        Path classes = UserClasses.compile(dir.resolve(name + "-classes"), sources);
        return UserClasses.jar(classes, dir.resolve(name + ".jar"), Map.of(),
                Map.of("META-INF/services/dev.ranks.pipeline.TaskProvider", services));
    }

    /**
     * A provider's source: one class in package {@code user} giving tasks that return a constant.
     *
     * @param className the simple class name
     * @param constructorBody statements run by its constructor
     * @param tasks task name to the Java expression it returns
     * @param aliases alias to task name
     * @return the source
     */
    static String provider(String className, String constructorBody, Map<String, String> tasks,
            Map<String, String> aliases) {
        StringBuilder list = new StringBuilder();
        tasks.forEach((task, result) -> list.append(list.isEmpty() ? "" : ", ").append(
                "new Task() { public String name() { return \"" + task + "\"; }"
                + " public Object run(List<Object> args, Map<String, Object> kwargs) { return " + result + "; } }"));
        StringBuilder map = new StringBuilder();
        aliases.forEach((alias, task) -> map.append(map.isEmpty() ? "" : ", ").append('"').append(alias)
                .append("\", \"").append(task).append('"'));
        return "package user;\n"
                + "import dev.ranks.pipeline.Task;\nimport dev.ranks.pipeline.TaskProvider;\n"
                + "import java.util.List;\nimport java.util.Map;\n"
                + "public final class " + className + " implements TaskProvider {\n"
                + "    public " + className + "() throws Exception { " + constructorBody + " }\n"
                + "    public List<Task> tasks() { return List.of(" + list + "); }\n"
                + "    public Map<String, String> aliases() { return Map.of(" + map + "); }\n"
                + "}\n";
    }
}
