package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.DeviceInfo;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The book recipes on OpenCL (PoCL here): launcher/pom.xml runs this class in the {@code opencl} execution, with
 * libjsig preloaded; each case is skipped, saying why, where OpenCL is unavailable. The inputs and the exact results
 * must be what the java backend prints ({@link GpuBookCommandTest}); the 5x5 float matmul may differ from Java in the
 * last bits (fused multiply-adds), so its C is checked by the command against the tolerance.
 */
class GpuBookOpenClTest {
    private static final String DEVICE_LINE = " on java:0 (parallel streams (common fork-join pool))";

    @Test
    void theExactRecipesPrintWhatJavaPrints() {
        assumeOpenCl();
        for (String[] recipe : new String[][] {{"double", GpuBookCommandTest.DOUBLE},
            {"vecsum", GpuBookCommandTest.VECSUM}, {"elementwise", GpuBookCommandTest.ELEMENTWISE},
            {"matmul10", GpuBookCommandTest.MATMUL10}, {"gpuarray", GpuBookCommandTest.GPUARRAY}}) {
            CliRun run = CliRun.of("gpu", "book", recipe[0], "--backend", "opencl");

            assertEquals(0, run.exitCode(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).matches(".* on opencl:0 \\(.+\\)"), run::toString);
            List<String> expected = recipe[1].lines().toList();
            assertEquals(expected.get(0).replace(DEVICE_LINE, ""), lines.get(0).replaceAll(" on opencl:0 \\(.+\\)$", ""));
            // vecsum names the platform and device it ran on, as PyOpenCL does
            assertEquals(withoutSelected(expected.subList(1, expected.size())), withoutSelected(lines.subList(1, lines.size() - 1)),
                    run::toString);
            if (recipe[0].equals("vecsum")) {
                assertTrue(lines.contains("Platform Selected = opencl"), run::toString);
            }
        }
    }

    @Test
    void reduceSumsInt64OnTheDevice() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "book", "reduce", "--backend", "opencl");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("gpu book reduce: the sum of 1..10000, int64 on opencl:0 ("), run::toString);
        assertEquals(List.of("vector to reduce =  [    1     2     3 ...  9998  9999 10000]", "result =  50005000",
                "check: equals the Java reference exactly"), lines.subList(1, 4), run::toString);
    }

    /**
     * testApplicationPyopencl.py on OpenCL: the book's kernel built from source, after the device info block of
     * {@code gpu info --book pyopencl}, then the three times; a + b in float32 is exact in the kernel and in Java.
     */
    @Test
    void theCpuAgainstGpuEvaluationPrintsTheDeviceInfoAndTheThreeTimes() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "book", "evaluate", "--backend", "opencl");
        CliRun info = CliRun.of("gpu", "info", "--book", "pyopencl");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("gpu book evaluate: c = a + b, 10000 uniform floats in [0, 1) per input,"
                + " seed 1, each sum done 10000 times on the CPU, 10000 times in the kernel on opencl:0 ("), run::toString);
        List<String> block = info.outLines();
        assertEquals(block, lines.subList(1, 1 + block.size()), run::toString);
        int at = 1 + block.size();
        assertTrue(lines.get(at).matches("CPU Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertTrue(lines.get(at + 1).matches("GPU Kernel evaluation Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertTrue(lines.get(at + 2).matches("GPU Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertEquals("check: equals the Java reference exactly", lines.get(at + 3), run::toString);
        assertEquals(at + 5, lines.size(), run::toString);
    }

    @Test
    void thePyCudaElementwiseKernelPrintsWhatJavaPrints() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "book", "elementwise", "--book", "pycuda", "--size", "8", "--backend", "opencl");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> expected = GpuBookCommandTest.ELEMENTWISE_PYCUDA.lines().toList();
        assertEquals(expected.subList(1, expected.size()), run.outLines().subList(1, run.outLines().size() - 1),
                run::toString);
    }

    /**
     * OpenCL sums the products in a tree of float32 partials, not in double as Java does, so the dot product is held
     * to a float32 sum's tolerance rather than to 21253400 exactly (adding in index order would give 21253384).
     */
    @Test
    void theDotProductIsWithinAFloatSumOfTheExactOne() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "book", "dot", "--backend", "opencl");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("gpu book dot: ReductionKernel x[i]*y[i], a+b over x = y = arange(400),"
                + " float32 on opencl:0 ("), run::toString);
        float dot = Float.parseFloat(lines.get(1));
        assertEquals(21253400.0, dot, 21253400.0 * GpuBookDotCommand.TOLERANCE, run::toString);
        assertTrue(lines.get(2).matches("check: (equals the Java reference exactly|max error .* \\(tolerance 1e-05\\): ok)"),
                run::toString);
    }

    @Test
    void theFloatMatmulPrintsTheSameInputsAndAChecked() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "book", "matmul", "--backend", "opencl");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        List<String> expected = GpuBookCommandTest.MATMUL.lines().toList();
        assertEquals(expected.subList(1, 16), lines.subList(1, 16), run::toString); // A and B, as Java prints them
        assertEquals(List.of("Matrix C (GPU):"), lines.subList(16, 17), run::toString);
        assertEquals("CPU-GPU difference:", lines.get(23), run::toString);
        assertTrue(lines.get(29).matches("check: (equals the Java reference exactly|max error .* \\(tolerance 1e-05\\): ok)"),
                run::toString);
    }

    @Test
    void infoListsClockLocalAndConstantMemoryAndWorkGroupSize() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "info");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        int device = lines.indexOf(lines.stream().filter(l -> l.startsWith("  0: ")).filter(l -> lines.indexOf(l)
                > lines.indexOf(lines.stream().filter(x -> x.startsWith("opencl: ")).findFirst().orElseThrow()))
                .findFirst().orElseThrow());
        assertTrue(lines.get(device + 1).matches("     clock \\d+ MHz, local memory \\d+ KiB, constant memory \\d+ KiB,"
                + " max work-group size \\d+"), run::toString);
    }

    /**
     * The Cookbook's {@code deviceInfoPyopencl.py}, line by line: the labels and their spacing exactly (two spaces after
     * the colon but for the last three device lines), the values as patterns, and each platform and device the probe
     * found, in its order.
     */
    @Test
    void infoBookPyopenclPrintsDeviceInfoPyopenclsLayout() {
        assumeOpenCl();
        CliRun run = CliRun.of("gpu", "info", "--book", "pyopencl");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        List<String> lines = run.outLines();
        String rule = "=".repeat(60);
        assertEquals(List.of("", rule, "OpenCL Platforms and Devices", rule), lines.subList(0, 4), run::toString);
        int at = 4;
        int platform = -1;
        List<DeviceInfo> devices = Backends.named("opencl").devices();
        for (DeviceInfo d : devices) {
            if (d.opencl().platformIndex() != platform) {
                platform = d.opencl().platformIndex();
                assertLine("Platform - Name:  " + Pattern.quote(d.opencl().platformName()), lines, at++, run);
                assertLine("Platform - Vendor:  .+", lines, at++, run);
                assertLine("Platform - Version:  OpenCL \\d+\\.\\d+ .*", lines, at++, run);
                assertLine("Platform - Profile:  (FULL|EMBEDDED)_PROFILE", lines, at++, run);
            }
            assertLine("    " + "-".repeat(56), lines, at++, run);
            assertLine("    Device - Name:  " + Pattern.quote(d.name()), lines, at++, run);
            assertLine("    Device - Type:  (ACCELERATOR \\| ALL|ALL \\| CPU|ALL \\| GPU)( \\| DEFAULT)?", lines, at++,
                    run);
            assertLine("    Device - Max Clock Speed:  \\d+ Mhz", lines, at++, run);
            assertLine("    Device - Compute Units:  " + d.computeUnits(), lines, at++, run);
            assertLine("    Device - Local Memory:  \\d+ KB", lines, at++, run);
            assertLine("    Device - Constant Memory:  \\d+ KB", lines, at++, run);
            assertLine("    Device - Global Memory: \\d+ GB", lines, at++, run);
            assertLine("    Device - Max Buffer/Image Size: [1-9]\\d* MB", lines, at++, run);
            assertLine("    Device - Max Work Group Size: [1-9]\\d*", lines, at++, run);
        }
        assertTrue(platform >= 0, run::toString);
        // print('\n') at the end: two empty lines, then nothing
        assertEquals(List.of("", ""), lines.subList(at, lines.size()), run::toString);
    }

    private static void assertLine(String regex, List<String> lines, int at, CliRun run) {
        assertTrue(at < lines.size() && lines.get(at).matches(regex), () -> "line " + at + " should match " + regex
                + "\n" + run);
    }

    private static void assumeOpenCl() {
        Availability a = Backends.named("opencl").availability();
        assumeTrue(a.available(), () -> "opencl: " + a.detail());
    }

    private static List<String> withoutSelected(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("Platform Selected = ") && !l.startsWith("Device Selected = ")).toList();
    }
}
