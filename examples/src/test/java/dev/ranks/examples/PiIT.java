package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Pi} as a user runs it: {@code bin/launcher -n N run --class-path ranks-examples.jar
 * dev.ranks.examples.Pi} on the local device, and on MPJ Express's multicore and niodev devices (these
 * skip where Debian's libmpj-java is not installed). Rank 0 must print π to 12 digits or more, and an
 * error that is the distance to {@link Math#PI}.
 */
class PiIT {
    private static final Path ROOT = Path.of(System.getProperty("ranks.root", "..")).toAbsolutePath().normalize();
    private static final String JAR = ROOT.resolve("examples/target/ranks-examples.jar").toString();
    private static final Pattern LINE = Pattern.compile("pi is approximately (\\d\\.\\d{16}), error is (\\d\\.\\d{16})");

    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void localDevice(int ranks) throws Exception {
        assertPi(launcher("-n", Integer.toString(ranks), "run", "--class-path", JAR, "dev.ranks.examples.Pi"));
    }

    @Test
    void moreIntervalsOnTheCommandLine() throws Exception {
        assertPi(launcher("-n", "3", "run", "--class-path", JAR, "dev.ranks.examples.Pi", "3000000"));
    }

    @Test
    void badIntervalsFailRankZeroWithTheValueNamed() throws Exception {
        Run run = launcher("-n", "2", "run", "--class-path", JAR, "dev.ranks.examples.Pi", "many");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("rank 0 failed"), run::toString);
        assertTrue(run.err().contains("Pi: intervals 'many' is invalid: expected a positive integer"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void mpjMulticore(int ranks) throws Exception {
        assumeMpj();
        assertPi(launcher("--device", "mpj", "--mpj-dev", "multicore", "-n", Integer.toString(ranks),
                "run", "--class-path", JAR, "dev.ranks.examples.Pi"));
    }

    @Test
    void mpjNiodev() throws Exception {
        assumeMpj();
        // niodev starts each rank's JVM through an MPJ Express daemon: a private one, on a free port
        int port = freePortPair();
        Path hosts = Files.writeString(cwd.resolve("local.hosts"), "localhost slots=8\n");
        List<String> daemons = List.of("--hostfile", hosts.toString(), "--daemon-port", Integer.toString(port),
                "--state-dir", cwd.resolve("daemons").toString());
        Run start = launcher(concat(List.of("daemons", "start"), daemons));
        try {
            assertEquals(0, start.exitCode(), start::toString);
            for (int ranks : new int[] {2, 4}) {
                assertPi(launcher("--device", "mpj", "--mpj-dev", "niodev", "--daemon-port", Integer.toString(port),
                        "-n", Integer.toString(ranks), "run", "--class-path", JAR, "dev.ranks.examples.Pi"));
            }
        } finally {
            launcher(concat(List.of("daemons", "stop"), daemons));
        }
    }

    private static void assertPi(Run run) {
        assertEquals(0, run.exitCode(), run::toString);
        Matcher m = LINE.matcher(run.out());
        assertTrue(m.find(), () -> "no 'pi is approximately' line: " + run);
        double pi = Double.parseDouble(m.group(1));
        double error = Double.parseDouble(m.group(2));
        assertTrue(m.group(1).startsWith("3.14159265358"), run::toString);
        assertTrue(Math.abs(pi - Math.PI) < 1e-12, run::toString);
        assertEquals(Math.abs(pi - Math.PI), error, 1e-16, run::toString);
        assertTrue(!m.find(), () -> "only rank 0 prints: " + run);
    }

    private static void assumeMpj() {
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/java/mpj.jar")),
                "MPJ Express is not installed (/usr/share/java/mpj.jar is missing): install libmpj-java to run this test");
    }

    /** A free port whose port minus 3, where an MPJ daemon's port manager listens, is free too. */
    private static int freePortPair() throws IOException {
        while (true) {
            try (ServerSocket daemon = new ServerSocket(0); ServerSocket manager = new ServerSocket(daemon.getLocalPort() - 3)) {
                return daemon.getLocalPort();
            } catch (IOException taken) {
                // the port below was in use: try another pair
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run launcher(String... args) throws Exception {
        return launcher(List.of(args));
    }

    private Run launcher(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/launcher").toString()));
        command.addAll(args);
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                fail(String.join(" ", command) + " did not end within 3 minutes\n" + Files.readString(out) + Files.readString(err));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
