package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.MapBy;
import dev.ranks.hostfiles.Placement;
import dev.ranks.mpi.Mpi;
import dev.ranks.mpi.MpiImplementation;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's front end for {@code --device mpi}: runs the same command line as the ranks of an
 * MPI job, started by the implementation's own starter ({@code mpirun.openmpi},
 * {@code mpiexec.mpich}). Each rank is this program again, in a JVM of its own, which finds itself
 * started by a starter and runs its rank ({@link MpiRank}).
 *
 * <p>Before anything starts, the JNI shim is built ({@link Mpi#prepare(MpiImplementation)}), so
 * that a missing MPI is one error here rather than one per rank. The ranks' JVMs are this JVM's
 * {@code java} with this class path, and of this JVM's options those that size or tune a JVM
 * ({@code -X...}, {@code -XX:...}) or set a property ({@code -D...}); agents and debugger options
 * stay here, since N copies would fight over their ports and files.
 *
 * <p>How a job ends: the starter's exit code, which is MPI_Abort's code when a rank failed (the
 * rank printed its report first; the starter's own notice of the abort is filtered out, see
 * {@link MpiStarterOutput}); {@code --timeout} kills the ranks, after which the starter ends by
 * itself. There is no deadlock diagnosis: inside MPI a blocked rank cannot be told from a slow one.
 */
final class MpiJob {
    /** The environment variable that keeps hwloc from starting OpenCL platforms in every rank. */
    static final String HWLOC_COMPONENTS = "HWLOC_COMPONENTS";

    /** How long the starter has to end its ranks after SIGTERM before they are all killed. */
    private static final long GRACE_MILLIS = 3_000;
    /** How long to wait for killed processes to be gone. */
    private static final long KILL_WAIT_MILLIS = 2_000;
    /** How often to look whether killed processes are gone. */
    private static final long POLL_MILLIS = 20;
    /** Lets a rank JVM on Java 22 or later call native code (the mpi device's FFM binding) without a warning. */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /**
     * The ranks' stdout and stderr in UTF-8, as the relays read them, whatever the locale where a
     * rank runs: a host reached by ssh may have none (POSIX: ASCII, every other character a '?').
     * JDK 17 reads the {@code sun.} properties, JDK 19 and later the others.
     */
    private static final List<String> RANK_STREAMS_UTF_8 = List.of("-Dsun.stdout.encoding=UTF-8",
            "-Dsun.stderr.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    /**
     * What a job needs from the command line.
     *
     * @param implementation the MPI implementation whose starter and library the job uses
     * @param ranks the number of ranks
     * @param hostfile the hostfile, or null for this host alone
     * @param mapBy how ranks are placed on the hosts of the hostfile
     * @param timeout how long the job may run, or null
     * @param args the launcher's arguments, which every rank runs again
     * @param trace the file {@code --trace} names, which rank 0 writes, or null
     */
    record Spec(MpiImplementation implementation, int ranks, Path hostfile, MapBy mapBy, Duration timeout,
                List<String> args, Path trace) {
    }

    private final Spec spec;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Thread> relays = new ArrayList<>();
    private volatile boolean quiet;

    /**
     * @param spec the job
     * @param out where the ranks' output goes
     * @param err where the launcher's reports and the ranks' and starter's errors go
     */
    MpiJob(Spec spec, PrintWriter out, PrintWriter err) {
        this.spec = spec;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the job and waits until it has ended and none of its processes is left.
     *
     * @return the exit code: 0; 2 when the ranks found the command line bad; 1 when a rank failed or
     *     the starter failed otherwise; {@link ExitCodes#TIMEOUT} when {@code --timeout} stopped it
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}, {@link ErrorClass#HOSTFILE}) when the
     *     job cannot start: the implementation, its compiler or its starter missing, a bad hostfile
     */
    int run() {
        List<String> hosts = hostfileLines();
        Mpi.prepare(spec.implementation());
        Path hostfileCopy = null;
        Thread cleanup = null;
        try {
            if (hosts != null) {
                hostfileCopy = Files.createTempFile("ranks-mpi-", ".hosts");
                Files.write(hostfileCopy, hosts, StandardCharsets.UTF_8);
            }
            Stop onExit = new Stop(hostfileCopy);
            cleanup = new Thread(onExit, "mpi-job-cleanup");
            // Ctrl-C reaches the starter as well (same process group), but a kill of this JVM alone
            // would leave the job running without this hook.
            Runtime.getRuntime().addShutdownHook(cleanup);
            List<String> command = command(spec, hostfileCopy, runsAsRoot(), System.getenv("LD_PRELOAD"),
                    rankCommand());
            Process starter = start(command);
            onExit.starter = starter;
            int code = supervise(starter);
            if (code != 0 && spec.trace() != null) {
                emptyTrace(code);
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MPI job", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while the MPI job ran", e);
        } finally {
            if (hostfileCopy != null) {
                hostfileCopy.toFile().delete();
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down already: the hook runs and finds the job over.
                }
            }
        }
    }

    // Rank 0 writes the trace of a job that succeeded. A job that did not ended at MPI_Abort, or at
    // the timeout, before its ranks could gather their parts: its file holds an empty trace, not an
    // earlier job's.
    private void emptyTrace(int code) {
        err.println("--trace: the job ended with exit code " + code + " before its ranks could gather their parts:"
                + " '" + spec.trace() + "' holds an empty trace (on --device mpi only a job that succeeds leaves a"
                + " timeline; docs/trace.md)");
        TraceOutput.open(spec.trace()).write(List.of(), 0, err);
    }

    /**
     * The starter's command line.
     *
     * @param spec the job
     * @param hostfile the hostfile in the starter's format, or null for this host alone
     * @param root whether this process runs as root, which Open MPI refuses unless told
     * @param preload {@code LD_PRELOAD} (bin/launcher preloads the JVM's libjsig), which Open MPI's
     *     rank JVMs get but no starter (libjsig warns of every {@code signal()} call a C program
     *     makes), or null
     * @param rank the command that runs a rank: {@code java}, its options, the main class, the arguments
     * @return the command
     */
    static List<String> command(Spec spec, Path hostfile, boolean root, String preload, List<String> rank) {
        List<String> command = new ArrayList<>();
        command.add(spec.implementation().starter());
        if (spec.implementation() == MpiImplementation.OPEN_MPI) {
            if (root) {
                command.add("--allow-run-as-root");
            }
            if (hostfile == null) {
                // One host, the slots of which Open MPI counts as its cores: -n 8 on 2 cores is
                // what the local device runs too.
                command.add("--oversubscribe");
            } else {
                command.addAll(List.of("--hostfile", hostfile.toString(), "--map-by",
                        spec.mapBy().name().toLowerCase(Locale.ROOT)));
            }
            // A JVM is many threads (compilers, collectors): Open MPI's default binding of each
            // rank to one core (at 2 ranks or fewer) would leave them all on it.
            command.addAll(List.of("--bind-to", "none"));
            // Open MPI passes its environment to the ranks of this host only.
            command.addAll(List.of("-x", HWLOC_COMPONENTS));
            if (preload != null) {
                command.addAll(List.of("-x", "LD_PRELOAD=" + preload));
            }
        } else {
            if (hostfile != null) {
                // Hydra passes its whole environment to every host by default.
                command.addAll(List.of("-f", hostfile.toString()));
            }
            // No libjsig for MPICH's ranks: MPICH calls signal(), which libjsig answers with a JVM
            // warning in every rank; a rank needs it only for OpenCL on PoCL (see docs/mpi.md).
        }
        command.addAll(List.of("-n", Integer.toString(spec.ranks())));
        command.addAll(rank);
        return command;
    }

    /**
     * The JVM options this launcher's JVM got that its ranks' JVMs take too.
     *
     * @param options this JVM's input arguments
     * @return those that start with {@code -X} or {@code -D}, in order
     */
    static List<String> rankJvmOptions(List<String> options) {
        return options.stream().filter(o -> o.startsWith("-X") || o.startsWith("-D")).toList();
    }

    /** The hostfile's lines in the starter's format, or null for this host alone. */
    private List<String> hostfileLines() {
        if (spec.hostfile() == null) {
            return null;
        }
        Hostfile hostfile = Hostfile.read(spec.hostfile());
        Placement placement = hostfile.place(spec.ranks(), spec.mapBy(), false);
        return MpiHostfile.lines(hostfile, placement, spec.implementation());
    }

    private List<String> rankCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(rankJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(RANK_STREAMS_UTF_8);
        // Java 22 and later let the mpi device call its shim through FFM only with native access
        // (docs/mpi.md, "Binding"); Java 17 accepts the option and has no use for it.
        command.add(NATIVE_ACCESS);
        if (Runtime.version().feature() >= 23) {
            // Kryo, the object codec, reads arrays through sun.misc.Unsafe, which Java 24 and later
            // warn of once per JVM unless allowed (the option exists from Java 23).
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-D" + MpiImplementation.PROPERTY + "=" + spec.implementation().label());
        command.addAll(List.of("-cp", classPath(), MpjRank.entryPoint().getName()));
        command.addAll(spec.args());
        return command;
    }

    /** This program's class path, absolute, so that ranks started in another directory find it. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private Process start(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        // hwloc, which both libraries use to learn the machine, would otherwise start every
        // OpenCL platform in every rank (PoCL's LLVM among them: slower starts, and signal() calls
        // the JVM warns about under bin/launcher's libjsig). Ranks never need OpenCL devices in hwloc's view.
        builder.environment().putIfAbsent(HWLOC_COMPONENTS, "-opencl");
        // The ranks get it on the starter's command line (see command()).
        builder.environment().remove("LD_PRELOAD");
        Process starter;
        try {
            starter = builder.start();
        } catch (IOException e) {
            throw new RanksException(ErrorClass.UNAVAILABLE, -1, "cannot run " + spec.implementation().starter()
                    + ", the starter of " + spec.implementation().label() + " (" + e.getMessage()
                    + "): install " + spec.implementation().packages(), e);
        }
        relay(starter.getInputStream(), out, null, "mpi-stdout");
        relay(starter.getErrorStream(), err, new MpiStarterOutput(), "mpi-stderr");
        return starter;
    }

    private int supervise(Process starter) throws InterruptedException {
        if (spec.timeout() == null) {
            starter.waitFor();
        } else if (!starter.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
            quiet = true;
            err.println("job exceeded --timeout " + DurationConverter.describe(spec.timeout()) + ": stopped all "
                    + spec.ranks() + " ranks");
            err.flush();
            stop(starter);
            return ExitCodes.TIMEOUT;
        }
        // The relays end when the starter's streams close, which they do once it and the ranks are gone.
        awaitRelays();
        int code = starter.exitValue();
        return code == 0 || code == ExitCodes.USAGE ? code : 1;
    }

    /**
     * Stops the job: kills every process under the starter, the ranks, at once, and lets the starter
     * end by itself, which it does at once, cleaning up its session files and shared memory. (SIGTERM
     * to Open MPI 4.1's mpirun crashes it in PMIx_server_finalize, which leaves both behind.) A
     * starter still there after the grace period is killed too.
     */
    private static void stop(Process starter) throws InterruptedException {
        List<ProcessHandle> job = starter.descendants().toList();
        job.forEach(ProcessHandle::destroyForcibly);
        if (!starter.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            // What it started since, then the starter itself.
            starter.descendants().forEach(ProcessHandle::destroyForcibly);
            starter.destroyForcibly();
            starter.waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        // Polled: onExit() of a process that is not this JVM's child notices its end only seconds later.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MILLIS);
        while (job.stream().anyMatch(MpiJob::running) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /**
     * Whether a process still runs: alive and not a zombie. The ranks of a starter that ended are
     * orphans, which their new parent (init, which in a container may be slow at it) reaps later.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    private void relay(InputStream stream, PrintWriter to, MpiStarterOutput filter, String name) {
        Thread relay = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    print(to, filter == null ? List.of(line) : filter.accept(line));
                }
                if (filter != null) {
                    print(to, filter.end());
                }
            } catch (IOException e) {
                // The starter was killed while its output was read: the job is ending, nothing to relay.
            }
        }, name);
        relay.setDaemon(true);
        relays.add(relay);
        relay.start();
    }

    private void print(PrintWriter to, List<String> lines) {
        if (quiet || lines.isEmpty()) {
            return;
        }
        synchronized (to) {
            lines.forEach(to::println);
            to.flush();
        }
    }

    private void awaitRelays() throws InterruptedException {
        for (Thread relay : relays) {
            relay.join(KILL_WAIT_MILLIS);
        }
    }

    /** Whether this process runs as root: the owner of {@code /proc/self} is its effective user. */
    private static boolean runsAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** What a shutdown hook undoes when the launcher is stopped while a job runs. */
    private final class Stop implements Runnable {
        private final Path hostfile;
        /** The starter, once started. */
        volatile Process starter;

        Stop(Path hostfile) {
            this.hostfile = hostfile;
        }

        @Override
        public void run() {
            Process p = starter;
            if (p != null && p.isAlive()) {
                // The starter's notices of the ranks it saw killed are not news to whoever stopped the launcher.
                quiet = true;
                try {
                    stop(p);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (hostfile != null) {
                hostfile.toFile().delete();
            }
        }
    }
}
