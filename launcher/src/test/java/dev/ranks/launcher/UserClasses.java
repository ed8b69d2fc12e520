package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's classes, compiled by the test into a directory of their own, so that they are on no
 * class path of the test JVM, as a user's program is not on the launcher's.
 */
final class UserClasses {
    private UserClasses() {
    }

    /**
     * Compiles sources against the test's class path (which has Ranks' API).
     *
     * @param dir where the classes go; the sources go under {@code dir/../src}
     * @param sources binary class name to source
     * @return {@code dir}
     */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src"));
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        Files.createDirectories(dir);
        if (sources.isEmpty()) {
            return dir;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = javac.run(null, log, log, args.toArray(String[]::new));
        assertTrue(code == 0, () -> "javac failed:\n" + log);
        return dir;
    }

    /**
     * Packs a directory of classes into a jar.
     *
     * @param classes the directory
     * @param jar the jar to write
     * @param attributes manifest attributes, such as {@code Main-Class}
     * @return {@code jar}
     */
    static Path jar(Path classes, Path jar, Map<String, String> attributes) throws IOException {
        return jar(classes, jar, attributes, Map.of());
    }

    /**
     * Packs a directory of classes and some text files into a jar.
     *
     * @param classes the directory
     * @param jar the jar to write
     * @param attributes manifest attributes, such as {@code Main-Class}
     * @param texts path in the jar to text, such as a {@code META-INF/services} file
     * @return {@code jar}
     */
    static Path jar(Path classes, Path jar, Map<String, String> attributes, Map<String, String> texts) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                out.putNextEntry(new JarEntry(text.getKey()));
                out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The programs the mpj ITs run: {@code demo.Counts}, a RankProgram that counts its instances in
     * a static field and prints the count and the sum of the ranks, and {@code demo.Fails}, a main
     * whose rank 1 throws while the others wait in a barrier.
     *
     * @param dir where the classes go
     * @return {@code dir}
     */
    static Path mpjPrograms(Path dir) throws IOException {
        return compile(dir, Map.of("demo.Counts", """
                package demo;
                import dev.ranks.collectives.*;
                public class Counts implements RankProgram {
                    static int count;
                    public void run(Intracomm world, String[] args) {
                        count++;
                        int sum = world.allreduce(world.rank(), Op.SUM);
                        System.out.println("rank " + world.rank() + " count " + count + " sum " + sum + " "
                                + String.join(" ", args));
                    }
                }
                """, "demo.Fails", """
                package demo;
                import dev.ranks.collectives.*;
                public class Fails {
                    public static void main(String[] args) {
                        Intracomm world = Intracomm.world();
                        if (world.rank() == 1) {
                            throw new IllegalStateException("user code gives up");
                        }
                        world.barrier();
                    }
                }
                """));
    }

    /**
     * What {@code demo.Counts} prints on {@code n} ranks, sorted.
     *
     * @param n the number of ranks
     * @param args its arguments, joined by spaces
     * @return the lines
     */
    static List<String> countsLines(int n, String args) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            lines.add("rank " + r + " count 1 sum " + n * (n - 1) / 2 + " " + args);
        }
        return lines;
    }
}
