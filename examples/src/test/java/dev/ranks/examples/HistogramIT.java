package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The histogram example as a user runs it: {@code bin/launcher -n 2 run --class-path
 * target/ranks-examples.jar dev.ranks.examples.Histogram}, a process of its own (bin/launcher preloads
 * libjsig for PoCL). Skipped, saying why, where {@code launcher gpu info} reports OpenCL unavailable.
 */
class HistogramIT {
    @TempDir
    Path dir;

    @Test
    void twoRanksHistogramOnOpenClAndMatchJava() throws Exception {
        Path launcher = root().resolve("bin").resolve("launcher");
        Run info = run(List.of(launcher.toString(), "gpu", "info"), 600);
        String opencl = info.output.lines().filter(l -> l.startsWith("opencl: ")).findFirst().orElse("opencl: not listed");
        assumeTrue(info.exitCode == 0 && opencl.startsWith("opencl: available"), () -> "skipped: " + opencl);

        Path jar = Path.of("").toAbsolutePath().resolve("target").resolve("ranks-examples.jar");
        Run histogram = run(List.of(launcher.toString(), "-n", "2", "run", "--class-path", jar.toString(),
                "dev.ranks.examples.Histogram"), 300);

        assertEquals(0, histogram.exitCode, histogram.output);
        assertTrue(histogram.output.lines().anyMatch(l -> l.startsWith("histogram of 2097152 values in 256 bins on opencl:")
                && l.endsWith(", 2 ranks: matches Java")), histogram.output);
    }

    /** The repository: the system property ranks.root, else the parent of examples/, the working directory. */
    private static Path root() {
        String root = System.getProperty("ranks.root");
        return (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    private Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " ran over " + timeoutSeconds + " s:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
    }
}
