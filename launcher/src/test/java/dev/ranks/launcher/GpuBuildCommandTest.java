package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launcher gpu build} in-process. The compiling cases need OpenCL: launcher/pom.xml runs this class
 * a second time in a JVM with libjsig preloaded, where PoCL is safe, and each such case is skipped,
 * saying why, where OpenCL is unavailable (as in the module's plain test run).
 */
class GpuBuildCommandTest {
    private static final String KERNELS = """
            __kernel void scale(__global float* x, const float a, const int n) {
                const int i = get_global_id(0);
                if (i < n) x[i] *= a;
            }

            __kernel void stencil(__global const float* in, __global float* out, const int n, __local float* tile) {
                tile[get_local_id(0)] = in[get_global_id(0)];
                barrier(CLK_LOCAL_MEM_FENCE);
                out[get_global_id(0)] = tile[get_local_id(0)];
            }
            """;

    @TempDir
    Path dir;

    @Test
    void listsTheKernelsOfAnOpenClFileWithTheirArguments() throws IOException {
        assumeOpenCl();
        Path file = write("kernels.cl", KERNELS);

        CliRun run = CliRun.of("gpu", "build", file.toString());

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).matches(file + ": OpenCL C for opencl:0 \\(.+\\), built in \\d+ ms"), run::toString);
        assertTrue(lines.contains("2 kernels:"), run::toString);
        assertTrue(lines.contains("  scale     3 arguments  scale(__global float* x, float a, int n)"), run::toString);
        assertTrue(lines.contains("  stencil   4 arguments  stencil(__global const float* in, __global float* out, int n,"
                + " __local float* tile)"), run::toString);
    }

    @Test
    void optionsReachTheCompiler() throws IOException {
        assumeOpenCl();
        Path file = write("tiled.cl", "__kernel void k(__global float* x) { x[0] = TILE; }\n");

        assertEquals(ExitCodes.USAGE, CliRun.of("gpu", "build", file.toString()).exitCode());
        CliRun run = CliRun.of("gpu", "build", file.toString(), "--backend", "opencl", "--options", "-DTILE=64");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().contains("  k   1 argument   k(__global float* x)"), run::toString);
    }

    @Test
    void aCompileErrorPrintsTheBuildLogWithItsLineAndExits2() throws IOException {
        assumeOpenCl();
        Path file = write("broken.cl", "__kernel void broken(__global float* x) {\n    const int i = get_global_id(0);\n"
                + "    x[i] = y + 1.0f;\n}\n");

        CliRun run = CliRun.of("gpu", "build", file.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("opencl: building " + file + " (kernel broken) for "), run::toString);
        assertTrue(run.err().contains(file + ":3:"), run::toString);
        assertTrue(run.err().contains("'y'"), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }

    @Test
    void aMissingFileExits2NamingIt() {
        Path missing = dir.resolve("missing.cl");

        CliRun run = CliRun.of("gpu", "build", missing.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("kernel source " + missing + ": no such file"), run::toString);
    }

    @Test
    void whatAFileHoldsAndTheBackendMustAgree() throws IOException {
        Path notes = write("notes.txt", KERNELS);
        Path cl = write("k.cl", KERNELS);
        Path ptx = write("k.ptx", ".version 7.0\n");

        assertUsage(CliRun.of("gpu", "build", notes.toString()), notes + ": expected a .cl, .cu or .ptx file, or --backend"
                + " opencl or cuda to say what it holds");
        assertUsage(CliRun.of("gpu", "build", cl.toString(), "--backend", "java"), "--backend java: expected opencl or"
                + " cuda (users' kernels are OpenCL C, CUDA C or PTX)");
        assertUsage(CliRun.of("gpu", "build", cl.toString(), "--backend", "cuda"), cl + " is OpenCL C, which runs on"
                + " opencl: expected --backend opencl or none");
        assertUsage(CliRun.of("gpu", "build", ptx.toString(), "--options", "-O3"), "--options '-O3': " + ptx + " is PTX,"
                + " which is loaded, not compiled: expected no --options");
    }

    @Test
    void cudaSourcesNeedTheCudaBackend() throws IOException {
        Path cu = write("k.cu", "extern \"C\" __global__ void k(float* x) { x[0] = 1.0f; }\n");
        Availability cuda = Backends.named("cuda").availability();

        CliRun run = CliRun.of("gpu", "build", cu.toString());

        if (cuda.available()) {
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.outLines().contains("  k   1 argument   k(.u64 k_param_0)"), run::toString);
        } else {
            assertUsage(run, "backend cuda is unavailable: " + cuda.detail());
        }
    }

    private static void assertUsage(CliRun run, String message) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(message), run::toString);
    }

    private static void assumeOpenCl() {
        Availability opencl = Backends.named("opencl").availability();
        assumeTrue(opencl.available(), () -> "opencl is unavailable in this JVM: " + opencl.detail());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
