package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/launcher's class-data archive, as a user meets it: made on first use beside the jar, used
 * afterwards, made again when the jar changes, never a word on the program's output when the JVM
 * cannot use it, and off with RANKS_CDS=off. Each test starts without an archive and leaves none.
 */
class ClassDataArchiveIT {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path TARGET = ROOT.resolve("launcher/target");
    private static final Path JAR = TARGET.resolve("launcher.jar");
    private static final List<String> HELLO = List.of("hello world from process 0 of 2", "hello world from process 1 of 2");

    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void noArchive() throws IOException {
        assertTrue(Files.isRegularFile(JAR), () -> JAR + " is missing: expected the shaded jar");
        for (Path file : archiveFiles()) {
            Files.delete(file);
        }
    }

    @Test
    void theFirstUseMakesTheArchiveAndTheNextRunsFromIt() throws Exception {
        Result first = launch(Map.of(), "-n", "2", "hello");

        assertHello(first);
        Path archive = archive();
        Result second = launch(Map.of("RANKS_JAVA_OPTS", classLog()), "-n", "2", "hello");

        assertHello(second);
        assertEquals("shared objects file", helloSource(), second::toString);
        assertEquals(List.of(archive), archiveFiles(), "nothing but the archive is left beside the jar");
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgain() throws Exception {
        assertHello(launch(Map.of(), "-n", "2", "hello"));
        Path archive = archive();
        FileTime jar = Files.getLastModifiedTime(JAR);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jar.toMillis() - 10_000));

        assertHello(launch(Map.of(), "-n", "2", "hello"));

        assertTrue(Files.getLastModifiedTime(archive()).compareTo(jar) > 0, "the archive was not made again");
    }

    @Test
    void anArchiveTheJvmCannotUseIsLeftOutWithoutAWord() throws Exception {
        assertHello(launch(Map.of(), "-n", "2", "hello"));
        Path archive = archive();
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[4096]);

        Result run = launch(Map.of("RANKS_JAVA_OPTS", classLog()), "-n", "2", "hello");

        assertHello(run);
        assertTrue(helloSource().startsWith("file:"), helloSource());
    }

    @Test
    void ranksCdsOffNeitherMakesNorUsesAnArchive() throws Exception {
        Result run = launch(Map.of("RANKS_CDS", "off", "RANKS_JAVA_OPTS", classLog()), "-n", "2", "hello");

        assertHello(run);
        assertTrue(helloSource().startsWith("file:"), helloSource());
        assertEquals(List.of(), archiveFiles());
    }

    @Test
    void firstUsesAtOnceMakeOneArchiveAndAllRun() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(start(Map.of(), i, "-n", "2", "hello"));
        }
        for (int i = 0; i < processes.size(); i++) {
            assertHello(finish(processes.get(i), i));
        }

        assertEquals(List.of(archive()), archiveFiles());
    }

    /**
     * A JVM whose dump fails (here one that refuses -Xshare:dump) runs the command without an
     * archive, and is not asked to dump one again until the jar changes.
     */
    @Test
    void aJvmThatCannotDumpIsNotAskedAgainUntilTheJarChanges() throws Exception {
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path calls = tmp.resolve("calls");
        Files.writeString(jdk.resolveSibling("release"), "JAVA_RUNTIME_VERSION=\"0-refuses-dumps\"\n");
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "echo \"$*\" >>'" + calls + "'\n"
                + "[[ $* == *-Xshare:dump* ]] && exit 1\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Map<String, String> env = Map.of("JAVA_HOME", jdk.getParent().toString());

        assertHello(launch(env, "-n", "2", "hello"));
        assertHello(launch(env, "-n", "2", "hello"));

        long dumps = Files.readAllLines(calls).stream().filter(line -> line.contains("-Xshare:dump")).count();
        assertEquals(1, dumps, () -> "java was called with: " + calls);
        assertEquals(List.of(TARGET.resolve("launcher-0-refuses-dumps.jsa.failed")), archiveFiles());
    }

    private String classLog() {
        return "-Xlog:class+load=info:file=" + tmp.resolve("classes.log");
    }

    /** Where the last logged run loaded HelloCommand from: its archive or the jar. */
    private String helloSource() throws IOException {
        return Files.readAllLines(tmp.resolve("classes.log")).stream()
                .filter(line -> line.contains(" dev.ranks.launcher.HelloCommand source: "))
                .map(line -> line.substring(line.indexOf(" source: ") + " source: ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("HelloCommand was not loaded"));
    }

    private static Path archive() throws IOException {
        List<Path> files = archiveFiles();
        assertEquals(1, files.size(), () -> "expected one archive beside the jar, found " + files);
        assertTrue(files.get(0).getFileName().toString().endsWith(".jsa"), files::toString);
        return files.get(0);
    }

    private static List<Path> archiveFiles() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(file -> file.getFileName().toString().startsWith("launcher-")
                    && file.getFileName().toString().contains(".jsa")).sorted().toList();
        }
    }

    private static void assertHello(Result run) {
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Set.copyOf(HELLO), Set.copyOf(run.out()), run::toString);
        assertEquals(HELLO.size(), run.out().size(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return finish(start(env, 0, args), 0);
    }

    private Process start(Map<String, String> env, int id, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/launcher").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out" + id).toFile())
                .redirectError(tmp.resolve("err" + id).toFile());
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
        environment.putAll(env);
        builder.environment().remove("RANKS_JAVA_OPTS");
        builder.environment().remove("RANKS_CDS");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Result finish(Process process, int id) throws IOException, InterruptedException {
        // The first use dumps the archive: three short runs and the dump, seconds on a busy machine.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/launcher did not end within 120 s");
        }
        return new Result(process.exitValue(), Files.readAllLines(tmp.resolve("out" + id), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err" + id), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, List<String> out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + err;
        }
    }
}
