package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launcher run} with a user's kernel that does not compile: bad input, so exit 2 with the
 * build log, as {@code gpu build} gives. Runs with PoCL, in the launcher's {@code opencl} test fork.
 */
class RunUserKernelTest {
    @TempDir
    Path dir;

    @Test
    void aUsersKernelThatDoesNotCompileExitsTwoWithTheBuildLog() throws IOException {
        Availability opencl = Backends.named("opencl").availability();
        assumeTrue(opencl.available(), () -> "opencl is unavailable in this JVM: " + opencl.detail());
        Path classes = UserClasses.compile(dir.resolve("classes"), Map.of("demo.Broken", """
                package demo;
                import dev.ranks.collectives.*;
                import dev.ranks.gpu.*;
                public class Broken implements RankProgram {
                    public void run(Intracomm world, String[] args) {
                        try (Device d = Backends.select("opencl").open(0)) {
                            d.buildProgram(KernelSource.of("broken.cl",
                                    "__kernel void twice(__global float *x) {\\n  x[0] = y;\\n}\\n"), "");
                        }
                    }
                }
                """));

        CliRun run = CliRun.of("-n", "2", "run", "--class-path", classes.toString(), "demo.Broken");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("failed:\ndev.ranks.gpu.KernelBuildException"), run::toString);
        assertTrue(run.err().contains("broken.cl:2:"), () -> "the build log names the line: " + run);
    }
}
