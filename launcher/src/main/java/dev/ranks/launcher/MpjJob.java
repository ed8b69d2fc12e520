package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobTrace;
import dev.ranks.comm.RanksException;
import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.HostEntry;
import dev.ranks.hostfiles.MapBy;
import dev.ranks.hostfiles.Placement;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The launcher's front end for {@code --device mpj}: runs the same command line as MPJ Express
 * ranks and supplies the failure handling MPJ lacks.
 *
 * <p>It builds a private MPJ_HOME for the job ({@link MpjHome}; its own starter port, so jobs do
 * not collide on MPJ's fixed 40002), writes MPJ's machines file from the placement of
 * {@code --hostfile} (one line per rank, so that rank r runs on the placement's host r), checks
 * that a daemon answers on every host, opens a control socket ({@link MpjControlServer}) and runs
 * MPJ's starter ({@code java -jar $MPJ_HOME/lib/starter.jar}) with this program's class path and
 * main class as the application, the original arguments after it. Each rank connects back; a rank
 * that fails, abort, a rank JVM that dies, a starter that gives up, and {@code --timeout} all end
 * the whole job: every rank is told to halt (and halts by itself if this process dies), the
 * starter and its children are killed, and the run waits until every rank's connection has
 * closed, that is until no rank JVM is left, before it returns.
 */
final class MpjJob {
    /** The system property naming the control socket to ranks; dev.ranks.mpj.Mpj reads the same name. */
    static final String CONTROL_PROPERTY = "ranks.mpj.control";
    /** The system property holding the job's token; dev.ranks.mpj.Mpj reads the same name. */
    static final String TOKEN_PROPERTY = "ranks.mpj.token";
    /** How long the ranks have to start and connect; JVMs on a loaded node take seconds each. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** How long a job that completed may take to wind down before its processes are killed. */
    private static final long WIND_DOWN_MILLIS = 5_000;
    /** How long to wait for halted ranks' connections to close. */
    private static final long HALT_WAIT_MILLIS = 4_000;
    /** How often the supervisor looks at the starter and the clock while no rank reports. */
    private static final long POLL_MILLIS = 200;
    /** How long a job ended early waits for its ranks' parts of the trace. */
    private static final long TRACE_WAIT_MILLIS = 5_000;
    /** How long to wait for one daemon's answer before starting. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** MPJ's default protocol switch limit: messages above it wait for their receive. */
    private static final int MPJ_PSL = 128 * 1024;
    /** Room for MPJ's own buffer headers when a message at the eager limit must still be eager in MPJ. */
    private static final int PSL_SLACK = 4096;
    /**
     * Lines MPJ's starter and daemons print about themselves, which are not the program's output; among
     * them the daemons' own protocol, {@code EXIT} and the keep-alive {@code @Ping#}, which the starter
     * prints as output when its reader of a daemon's connection dies at the job's end (a clean-clone run
     * of the hybdev two-host test caught {@code EXIT@Ping#} on stdout).
     */
    static final Pattern MPJ_CHATTER = Pattern.compile(
            "MPJ Express \\([^)]*\\) is started in the .*|Starting process <\\d+> on <[^>]*>|Stopping Process <\\d+> on <[^>]*>"
                    + "|(?:EXIT|@Ping#)+");
    private static final Pattern DAEMON_DOWN = Pattern.compile("Cannot connect to the daemon at machine <([^>]*)> and port <(\\d+)>");
    /** Options MPJ's starter takes wherever they appear, even among the program's arguments. */
    private static final Set<String> STARTER_OPTIONS = Set.of("-np", "-h", "-dev", "-machinesfile", "-wdir", "-psl",
            "-cp", "-classpath", "-jar", "-src", "-debug", "-profile", "-dport", "-mxboardnum", "-yarn", "-debugYarn",
            "-amMem", "-amCores", "-containerMem", "-containerCores", "-yarnQueue", "-appName", "-amPriority",
            "-mpjContainerPriority", "-hdfsFolder");

    /**
     * What a job needs from the command line.
     *
     * @param dev the MPJ device
     * @param ranks the number of ranks
     * @param hostfile the hostfile, or null for this host alone
     * @param mapBy how ranks are placed on the hosts
     * @param daemonPort the daemons' port
     * @param eagerLimit the eager limit, which MPJ's protocol switch limit must exceed
     * @param timeout how long the job may run, or null
     * @param args the launcher's arguments, which every rank runs again
     * @param trace the file {@code --trace} names, or null for no trace
     */
    record Spec(MpjDev dev, int ranks, Path hostfile, MapBy mapBy, int daemonPort, int eagerLimit, Duration timeout,
                List<String> args, Path trace) {
    }

    private final Spec spec;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean quiet;
    private volatile String daemonDown;

    /**
     * @param spec the job
     * @param out where the ranks' output goes
     * @param err where the launcher's reports and MPJ's errors go
     */
    MpjJob(Spec spec, PrintWriter out, PrintWriter err) {
        this.spec = spec;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the job and waits until it has ended and no rank JVM is left.
     *
     * @return the exit code: 0, 1 when a rank failed, {@link ExitCodes#TIMEOUT} when it ran too long
     * @throws RanksException ({@link ErrorClass#UNAVAILABLE}, {@link ErrorClass#HOSTFILE}, {@link ErrorClass#USAGE})
     *     when it cannot start: MPJ Express missing, a bad hostfile, a host that does not resolve or runs no daemon
     */
    int run() {
        MpjHome.checkInstalled();
        checkArgs();
        List<String> machines = machines();
        // Under --trace every rank records its part and sends it back over its control connection;
        // the parts are merged into one file here, whatever the outcome.
        TraceOutput trace = spec.trace() == null ? null : TraceOutput.open(spec.trace());
        Path dir = null;
        Thread cleanup = null;
        MpjControlServer server = null;
        try (MpjControlServer control = new MpjControlServer(this::rankStderr)) {
            server = control;
            dir = Files.createTempDirectory(jobsDir(), "job-");
            // Ctrl-C or a kill ends this JVM without running the finally below: a shutdown hook
            // then kills the starter (its ranks halt as their control connections drop) and
            // removes the job's directory.
            Cleanup onExit = new Cleanup(dir);
            cleanup = new Thread(onExit, "mpj-job-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Path home = MpjHome.create(dir.resolve("home"), new MpjHome.Ports(spec.daemonPort(), freePort(), freePort()));
            Path machinesFile = null;
            if (!machines.isEmpty()) {
                machinesFile = Files.write(dir.resolve("machines"), machines, StandardCharsets.UTF_8);
            }
            Process starter = start(home, machinesFile, control, trace != null);
            onExit.starter = starter;
            return supervise(starter, control);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MPJ Express job", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while the MPJ Express job ran", e);
        } finally {
            if (trace != null && server != null) {
                trace.write(server.traceParts(), err);
            }
            if (dir != null) {
                delete(dir);
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down already: the hook runs and finds nothing left to do.
                }
            }
        }
    }

    /** The machines file's lines: the host of each rank, in rank order; none for multicore. */
    private List<String> machines() {
        if (!spec.dev().usesDaemons()) {
            if (spec.hostfile() != null) {
                throw new RanksException(ErrorClass.USAGE, "--hostfile " + spec.hostfile() + " with --mpj-dev multicore:"
                        + " multicore runs every rank in one JVM on this host; expected --mpj-dev niodev or hybdev");
            }
            return List.of();
        }
        Hostfile hostfile = spec.hostfile() != null ? Hostfile.read(spec.hostfile())
                : Hostfile.of("localhost", List.of(HostEntry.of("localhost", spec.ranks())));
        Placement placement = hostfile.place(spec.ranks(), spec.mapBy(), false);
        Set<String> hosts = new LinkedHashSet<>(placement.hostsByRank());
        for (String host : hosts) {
            DaemonAnswer answer = MpjDaemonProbe.probe(host, spec.daemonPort(), PROBE_TIMEOUT);
            if (answer.state() == DaemonAnswer.State.UNKNOWN_HOST) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "host '" + host + "' of " + hostfile.name()
                        + " does not resolve (" + answer.detail() + "): expected a name every node resolves");
            }
            if (!answer.up()) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "no MPJ Express daemon answers on " + answer.address()
                        + " (" + answer.detail() + "): start one with '" + startDaemons() + "'");
            }
        }
        // hybdev starts one JVM per line and spreads the ranks over them itself.
        return spec.dev() == MpjDev.HYBDEV ? List.copyOf(hosts) : placement.hostsByRank();
    }

    /**
     * The command that starts the daemons this job needs: on the hosts of its hostfile (this machine
     * without one, as {@code daemons start} does without one), on its daemon port.
     */
    String startDaemons() {
        return "launcher daemons start" + (spec.hostfile() == null ? "" : " --hostfile " + spec.hostfile())
                + (spec.daemonPort() == MpjDaemonProbe.DEFAULT_PORT ? "" : " --daemon-port " + spec.daemonPort());
    }

    private void checkArgs() {
        for (String arg : spec.args()) {
            if (STARTER_OPTIONS.contains(arg)) {
                throw new RanksException(ErrorClass.USAGE, "argument '" + arg + "' cannot be passed through MPJ Express:"
                        + " its starter takes " + arg + " as its own option wherever it appears; spell it differently");
            }
        }
    }

    private Process start(Path home, Path machinesFile, MpjControlServer control, boolean traced) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", home.resolve("lib/starter.jar").toString(),
                "-np", Integer.toString(spec.ranks()), "-dev", spec.dev().label(),
                "-wdir", Path.of("").toAbsolutePath().toString(),
                "-psl", Integer.toString(Math.max(MPJ_PSL, spec.eagerLimit() + PSL_SLACK))));
        if (machinesFile != null) {
            command.addAll(List.of("-machinesfile", machinesFile.toString()));
        }
        String host = spec.dev().usesDaemons() ? InetAddress.getLocalHost().getHostName() : "127.0.0.1";
        command.add("-D" + CONTROL_PROPERTY + "=" + host + ":" + control.port());
        command.add("-D" + TOKEN_PROPERTY + "=" + control.token());
        if (traced) {
            // One time base for every rank's part, so that the merged tracks line up.
            command.add("-D" + JobTrace.EPOCH_PROPERTY + "=" + new JobTrace().epoch());
        }
        command.addAll(List.of("-cp", classPath(), MpjRank.entryPoint().getName()));
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MPJ_HOME", home.toString());
        Process starter = builder.start();
        relay(starter.getInputStream(), out, "mpj-stdout");
        relay(starter.getErrorStream(), err, "mpj-stderr");
        return starter;
    }

    /**
     * This program's class path, absolute, which every rank runs. Rank JVMs on other hosts find
     * MPJ's classes through Debian's fixed paths as well, in case the job's MPJ_HOME, which MPJ
     * puts first, exists on this host only.
     */
    private String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        if (spec.dev().usesDaemons()) {
            entries.add(MpjHome.MPJ_LIB.resolve("loader1.jar").toString());
            entries.add(MpjHome.MPJ_LIB.resolve("mpj.jar").toString());
            entries.add(MpjHome.JAVA_LIB.resolve("log4j-1.2.jar").toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private int supervise(Process starter, MpjControlServer control) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = spec.timeout() == null ? Long.MAX_VALUE : start + spec.timeout().toNanos();
        long startupDeadline = start + STARTUP.toNanos();
        int hellos = 0;
        Set<Integer> finished = new HashSet<>();
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                err.println("job exceeded --timeout " + DurationConverter.describe(spec.timeout()) + ": stopped all "
                        + spec.ranks() + " ranks");
                return end(starter, control, ExitCodes.TIMEOUT);
            }
            if (hellos < spec.ranks() && now >= startupDeadline) {
                err.println("only " + hellos + " of " + spec.ranks() + " ranks started within "
                        + DurationConverter.describe(STARTUP) + ": stopped the job");
                return end(starter, control, 1);
            }
            long next = hellos < spec.ranks() ? Math.min(deadline, startupDeadline) : deadline;
            MpjControlServer.Event event = control.next(Math.min(POLL_MILLIS,
                    TimeUnit.NANOSECONDS.toMillis(next - now) + 1));
            if (event == null) {
                if (!starter.isAlive()) {
                    return starterEnded(starter, control);
                }
                continue;
            }
            if (event instanceof MpjControlServer.Hello) {
                hellos++;
            } else if (event instanceof MpjControlServer.Done d && d.exitCode() != 0) {
                err.println("rank " + d.rank() + " exited with code " + d.exitCode() + ": stopped the job");
                return end(starter, control, d.exitCode());
            } else if (event instanceof MpjControlServer.Done d) {
                finished.add(d.rank());
                if (finished.size() == spec.ranks()) {
                    return completed(starter, control);
                }
            } else if (event instanceof MpjControlServer.Failed f) {
                quiet = true;
                err.print(f.report().endsWith("\n") ? f.report() : f.report() + "\n");
                err.flush();
                return end(starter, control, 1);
            } else if (event instanceof MpjControlServer.Closed c && c.rank() >= 0 && !finished.contains(c.rank())) {
                err.println("rank " + c.rank() + " ended without reporting (" + c.reason()
                        + "): its JVM died or MPJ Express exited it; stopped the job");
                return end(starter, control, 1);
            }
        }
    }

    /** Every rank reported success: let MPJ wind down so that all output arrives, then clean up. */
    private int completed(Process starter, MpjControlServer control) throws InterruptedException {
        control.haltAll();
        if (!starter.waitFor(WIND_DOWN_MILLIS, TimeUnit.MILLISECONDS)) {
            kill(starter);
        }
        control.awaitClosed(HALT_WAIT_MILLIS);
        return 0;
    }

    private int starterEnded(Process starter, MpjControlServer control) throws InterruptedException {
        String down = daemonDown;
        int code = end(starter, control, 1);
        if (down != null) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "no MPJ Express daemon answers on " + down
                    + ": start one with '" + startDaemons() + "'");
        }
        err.println("MPJ Express's starter exited with code " + starter.exitValue() + " before the job ended; its"
                + " output is above");
        return code;
    }

    /** Ends the job: halts every rank, kills the starter and its children, waits for the ranks to be gone. */
    private int end(Process starter, MpjControlServer control, int code) throws InterruptedException {
        quiet = true;
        if (spec.trace() != null) {
            control.collectTraceParts(TRACE_WAIT_MILLIS);
        }
        control.haltAll();
        kill(starter);
        if (!control.awaitClosed(HALT_WAIT_MILLIS)) {
            err.println("some rank JVMs did not confirm their exit within " + HALT_WAIT_MILLIS + " ms");
        }
        err.flush();
        return code;
    }

    private static void kill(Process starter) throws InterruptedException {
        starter.descendants().forEach(ProcessHandle::destroyForcibly);
        starter.destroyForcibly();
        starter.waitFor(HALT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Prints what a rank wrote to its stderr, unless the job is ending (as for the starter's lines). */
    private void rankStderr(String text) {
        if (!quiet) {
            err.print(text);
            err.flush();
        }
    }

    private void relay(InputStream stream, PrintWriter to, String name) {
        Thread relay = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher down = DAEMON_DOWN.matcher(line);
                    if (down.find()) {
                        daemonDown = down.group(1) + ":" + down.group(2);
                    }
                    if (!quiet && !MPJ_CHATTER.matcher(line).matches()) {
                        to.println(line);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // The starter was killed while its output was read: the job is ending, nothing to relay.
            }
        }, name);
        relay.setDaemon(true);
        relay.start();
    }

    private static Path jobsDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                "ranks-mpj-" + System.getProperty("user.name")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What a shutdown hook undoes when the launcher is stopped while a job runs. */
    private static final class Cleanup implements Runnable {
        private final Path dir;
        /** The starter, once started. */
        volatile Process starter;

        Cleanup(Path dir) {
            this.dir = dir;
        }

        @Override
        public void run() {
            Process p = starter;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover directory under the temp dir is harmless; the job's outcome matters more.
        }
    }
}
