package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static dev.ranks.examples.Launch.JAR;
import static dev.ranks.examples.Launch.launcher;

import dev.ranks.examples.Launch.Run;
import java.nio.file.Path;
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
        Run info = launcher(dir, "gpu", "info");
        String opencl = info.out().lines().filter(l -> l.startsWith("opencl: ")).findFirst().orElse("opencl: not listed");
        assumeTrue(info.exitCode() == 0 && opencl.startsWith("opencl: available"), () -> "skipped: " + opencl);

        Run histogram = launcher(dir, "-n", "2", "run", "--class-path", JAR, "dev.ranks.examples.Histogram");

        assertEquals(0, histogram.exitCode(), histogram::toString);
        assertTrue(histogram.out().lines().anyMatch(l -> l.startsWith("histogram of 2097152 values in 256 bins on opencl:")
                && l.endsWith(", 2 ranks: matches Java")), histogram::toString);
    }
}
