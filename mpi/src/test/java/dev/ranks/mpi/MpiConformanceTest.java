package dev.ranks.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.testkit.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance suite on the mpi device, as real MPI processes started by each implementation's
 * own starter, at several job sizes, through JNI and (with a JDK of version 22 or later) through
 * FFM. Needs Open MPI and MPICH with their compilers (bin/test installs openmpi-bin,
 * libopenmpi-dev, mpich, libmpich-dev).
 */
class MpiConformanceTest {
    @ParameterizedTest(name = "{0} on {1} ranks, collectives {2}")
    @CsvSource({"openmpi, 1, chosen", "openmpi, 2, chosen", "openmpi, 3, native", "openmpi, 5, chosen",
        "mpich, 1, native", "mpich, 2, chosen", "mpich, 4, native"})
    void passesOnTheMpiDevice(String implementation, int ranks, String collectives) throws IOException,
            InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        String text = conformance(MpiImplementation.parse(implementation), ranks, collectives, java,
                List.of("-D" + DirectCalls.PROPERTY + "=jni"));

        assertTrue(text.contains("binding: jni"), text);
    }

    /**
     * The same suite with the ranks on Java 22 or later and the FFM binding required, so that
     * small messages take the direct calls (and their JNI fallback when a message is late).
     */
    @ParameterizedTest(name = "{0} on {1} ranks through FFM")
    @CsvSource({"openmpi, 2", "openmpi, 3", "mpich, 3"})
    void passesThroughTheFfmBinding(String implementation, int ranks) throws IOException, InterruptedException {
        Optional<Path> java = Jdks.java(22);
        Assumptions.assumeTrue(java.isPresent(), Jdks.missing(22));

        String text = conformance(MpiImplementation.parse(implementation), ranks, "chosen", java.get(),
                List.of("--enable-native-access=ALL-UNNAMED", "-D" + DirectCalls.PROPERTY + "=ffm"));

        assertTrue(text.contains("binding: ffm"), text);
    }

    private static String conformance(MpiImplementation impl, int ranks, String collectives, Path java,
                                      List<String> options) throws IOException, InterruptedException {
        Mpi.prepare(impl);
        List<String> command = new ArrayList<>(starter(impl, ranks));
        command.addAll(List.of(java.toString(), "-Xss4m", "-D" + MpiImplementation.PROPERTY + "=" + impl.label()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConformanceMain.class.getName(),
                collectives));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertTrue(ended, "the job did not end in 120 s:\n" + text);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("conformance passed: 11 checks on " + ranks + " ranks of "
                + (impl == MpiImplementation.OPEN_MPI ? "Open MPI" : "MPICH")), text);
        return text;
    }

    static List<String> starter(MpiImplementation impl, int ranks) {
        List<String> command = new ArrayList<>(List.of(impl.starter(), "-n", String.valueOf(ranks)));
        if (impl == MpiImplementation.OPEN_MPI) {
            command.addAll(List.of("--oversubscribe", "--allow-run-as-root"));
        }
        return command;
    }
}
