package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsTest {
    @Test
    void backendsComeInAutoOrder() {
        assertEquals(List.of("cuda", "opencl", "aparapi", "java"), Backends.all().stream().map(ComputeBackend::name).toList());
    }

    @Test
    void javaIsAlwaysAvailableAndAutoPicksSomething() {
        assertTrue(Backends.named("java").availability().available());
        Selection auto = Backends.select("auto");
        assertTrue(auto.backend().availability().available());
        assertFalse(auto.devices().isEmpty());
    }

    @Test
    void autoPrefersAnOpenClDeviceOverJavaWhereThereIsOne() {
        ComputeBackend cuda = Backends.named("cuda");
        ComputeBackend opencl = Backends.named("opencl");
        assumeTrue(!cuda.availability().available() && opencl.availability().available(), "needs OpenCL without CUDA");
        Selection auto = Backends.select("AUTO");
        assertEquals("opencl", auto.backend().name());
    }

    @Test
    void ranksSpreadOverDevicesRoundRobin() {
        DeviceInfo a = new DeviceInfo("x", 0, "a", DeviceType.GPU, 1, 1, "v");
        DeviceInfo b = new DeviceInfo("x", 1, "b", DeviceType.GPU, 1, 1, "v");
        Selection s = new Selection(Backends.named("java"), List.of(a, b));
        assertEquals(List.of(a, b, a, b, a), List.of(s.deviceFor(0), s.deviceFor(1), s.deviceFor(2), s.deviceFor(3),
                s.deviceFor(4)));
    }

    @Test
    void unknownBackendNamesTheChoices() {
        RanksException e = assertThrows(RanksException.class, () -> Backends.select("vulkan"));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("backend 'vulkan': expected auto or one of [cuda, opencl, aparapi, java]"),
                e.getMessage());
    }

    @Test
    void cudaSaysWhyItIsUnavailable() {
        ComputeBackend cuda = Backends.named("cuda");
        Availability a = cuda.availability();
        boolean driver = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1")) || Files.exists(Path.of("/dev/nvidia0"));
        if (!driver) {
            assertFalse(a.available());
            assertTrue(a.detail().startsWith("no CUDA driver: libcuda.so.1"), a.detail());
            assertEquals(List.of(), cuda.devices());
            RanksException e = assertThrows(RanksException.class, () -> Backends.select("cuda"));
            assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
            assertTrue(e.getMessage().contains("backend cuda is unavailable: no CUDA driver"), e.getMessage());
        } else {
            assertTrue(a.available() || a.detail().contains("no PTX") || a.detail().contains("no CUDA device"), a.detail());
        }
    }

    @Test
    void anEmptyIcdDirectoryMakesOpenClAndAparapiUnavailable(@TempDir Path empty) throws Exception {
        List<String> lines = probeInChild(Map.of("OCL_ICD_VENDORS", empty.toString()));
        assertTrue(lines.contains("java available: parallel streams on " + Runtime.getRuntime().availableProcessors()
                + " processors"), lines.toString());
        String opencl = line(lines, "opencl");
        assertTrue(opencl.startsWith("opencl unavailable: no OpenCL platform: the ICD loader found no .icd file"), opencl);
        assertTrue(line(lines, "aparapi").startsWith("aparapi unavailable: no OpenCL platform"), lines.toString());
        assertTrue(lines.contains("auto java"), lines.toString());
    }

    @Test
    void withoutLibjsigPoclIsRefusedInsteadOfCrashingTheJvm() throws Exception {
        assumeTrue(NativeGuardAccess.poclInstalled(), "PoCL is not installed here");
        List<String> lines = probeInChild(Map.of("LD_PRELOAD", ""));
        String opencl = line(lines, "opencl");
        assertTrue(opencl.startsWith("opencl unavailable: the OpenCL ICD ") && opencl.contains("LD_PRELOAD="), opencl);
        assertTrue(line(lines, "aparapi").contains("libjsig.so"), lines.toString());
    }

    private static String line(List<String> lines, String backend) {
        return lines.stream().filter(l -> l.startsWith(backend + " ")).findFirst().orElseThrow();
    }

    private static List<String> probeInChild(Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProbeMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    /** Reads the ICD files the way the probes do. */
    private static final class NativeGuardAccess {
        static boolean poclInstalled() {
            return dev.ranks.gpu.spi.NativeGuard.icdFiles().stream().anyMatch(p -> p.toString().contains("pocl"));
        }
    }
}
