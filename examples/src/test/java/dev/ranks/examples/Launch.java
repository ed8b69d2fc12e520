package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The examples' ITs run them as a user does: {@code bin/launcher} of the repository (the system
 * property {@code ranks.root}, else the parent of this project's directory) as a process of its own,
 * with this project's jar on {@code --class-path}.
 */
final class Launch {
    /** The repository. */
    static final Path ROOT = Path.of(System.getProperty("ranks.root", "..")).toAbsolutePath().normalize();
    /** This project's jar, as {@code mvn package} leaves it. */
    static final String JAR = ROOT.resolve("examples/target/ranks-examples.jar").toString();

    private Launch() {
    }

    /**
     * One run of the launcher.
     *
     * @param exitCode its exit code
     * @param out its stdout
     * @param err its stderr
     */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * Runs {@code bin/launcher ARGS} in a directory; fails the test, leaving no process behind, if it
     * has not ended within 3 minutes.
     *
     * @param cwd the working directory, which also holds the captured output
     * @param args the launcher's arguments
     * @return how it ended
     */
    static Run launcher(Path cwd, List<String> args) throws IOException, InterruptedException {
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

    /**
     * Runs one of the books' programs as a user does: {@code bin/launcher -n RANKS run --class-path
     * ranks-examples.jar dev.ranks.examples.books.PROGRAM ARGS}.
     *
     * @param cwd the working directory
     * @param ranks the number of ranks
     * @param program the class's simple name
     * @param args the program's arguments
     * @return how it ended
     */
    static Run book(Path cwd, int ranks, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-n", Integer.toString(ranks), "run", "--class-path", JAR,
                "dev.ranks.examples.books." + program));
        command.addAll(List.of(args));
        return launcher(cwd, command);
    }

    /**
     * {@link #book} that must exit 0.
     *
     * @return its stdout's lines
     */
    static List<String> bookLines(Path cwd, int ranks, String program, String... args) throws IOException, InterruptedException {
        Run run = book(cwd, ranks, program, args);
        assertEquals(0, run.exitCode(), run::toString);
        return run.out().lines().toList();
    }

    /** {@link #launcher(Path, List)} with the arguments spelled out. */
    static Run launcher(Path cwd, String... args) throws IOException, InterruptedException {
        return launcher(cwd, List.of(args));
    }

    /** Skips the calling test, saying why, where Debian's MPJ Express is not installed. */
    static void assumeMpj() {
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/java/mpj.jar")),
                "MPJ Express is not installed (/usr/share/java/mpj.jar is missing): install libmpj-java to run this test");
    }

    /**
     * MPJ Express daemons for niodev jobs on this host: a private one on a free port, started with
     * {@code launcher daemons start} and stopped by {@link #close()}.
     */
    static final class Daemons implements AutoCloseable {
        private final Path cwd;
        private final List<String> options;
        private final int port;

        /**
         * Starts the daemon.
         *
         * @param cwd the test's directory, for the hostfile and the daemons' state
         */
        Daemons(Path cwd) throws IOException, InterruptedException {
            this.cwd = cwd;
            this.port = freePortPair();
            Path hosts = Files.writeString(cwd.resolve("local.hosts"), "localhost slots=8\n");
            this.options = List.of("--hostfile", hosts.toString(), "--daemon-port", Integer.toString(port),
                    "--state-dir", cwd.resolve("daemons").toString());
            Run start = launcher(cwd, concat(List.of("daemons", "start"), options));
            if (start.exitCode() != 0) {
                close();
            }
            assertEquals(0, start.exitCode(), start::toString);
        }

        /** @return the job options that run a job on these daemons: niodev and the daemons' port */
        List<String> jobOptions() {
            return List.of("--device", "mpj", "--mpj-dev", "niodev", "--daemon-port", Integer.toString(port));
        }

        @Override
        public void close() throws IOException, InterruptedException {
            launcher(cwd, concat(List.of("daemons", "stop"), options));
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
    }

    /** @return {@code a} followed by {@code b} */
    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
