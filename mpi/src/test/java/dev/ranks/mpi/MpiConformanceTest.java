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

    /**
     * The thread level: MPI_THREAD_SINGLE unless the setting names another, and only at
     * MPI_THREAD_MULTIPLE may a second thread of a rank communicate; below it that thread gets a
     * usage error naming the level and the setting, before it reaches MPI.
     */
    @ParameterizedTest(name = "{0} asked for ''{1}''")
    @CsvSource({"openmpi, '', MPI_THREAD_SINGLE", "mpich, '', MPI_THREAD_SINGLE",
        "openmpi, serialized, MPI_THREAD_SERIALIZED", "openmpi, multiple, MPI_THREAD_MULTIPLE",
        "mpich, multiple, MPI_THREAD_MULTIPLE"})
    void onlyAtThreadMultipleMayAnotherThreadCommunicate(String implementation, String asked, String level)
            throws IOException, InterruptedException {
        MpiImplementation impl = MpiImplementation.parse(implementation);
        Mpi.prepare(impl);
        List<String> command = new ArrayList<>(starter(impl, 3));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + MpiImplementation.PROPERTY + "=" + impl.label(), "-D" + Mpi.THREADS_PROPERTY + "=" + asked,
                "-cp", System.getProperty("java.class.path"), ThreadsMain.class.getName()));

        String text = run(command);

        for (int rank = 0; rank < 3; rank++) {
            String expected = "rank " + rank + " at " + level + ": helper thread "
                    + (level.equals("MPI_THREAD_MULTIPLE") ? "communicated"
                    : "refused (USAGE): thread helper called MPI, but the job runs at " + level);
            assertTrue(text.contains(expected), "expected '" + expected + "' in:\n" + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openmpi", "mpich"})
    void anUnknownThreadLevelIsAUsageErrorNamingIt(String implementation) throws IOException, InterruptedException {
        MpiImplementation impl = MpiImplementation.parse(implementation);
        Mpi.prepare(impl);
        List<String> command = new ArrayList<>(starter(impl, 1));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + MpiImplementation.PROPERTY + "=" + impl.label(), "-D" + Mpi.THREADS_PROPERTY + "=funnelled",
                "-cp", System.getProperty("java.class.path"), ThreadsMain.class.getName()));

        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), text);

        assertTrue(p.exitValue() != 0, text);
        assertTrue(text.contains("MPI thread level 'funnelled' (ranks.mpi.threads or RANKS_MPI_THREADS) is invalid:"
                + " expected single, serialized or multiple"), text);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
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
        return text;
    }

    private static String conformance(MpiImplementation impl, int ranks, String collectives, Path java,
                                      List<String> options) throws IOException, InterruptedException {
        Mpi.prepare(impl);
        List<String> command = new ArrayList<>(starter(impl, ranks));
        command.addAll(List.of(java.toString(), "-Xss4m", "-D" + MpiImplementation.PROPERTY + "=" + impl.label()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConformanceMain.class.getName(),
                collectives));
        String text = run(command);
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
