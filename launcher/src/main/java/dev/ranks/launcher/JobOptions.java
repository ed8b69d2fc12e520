package dev.ranks.launcher;

import dev.ranks.collectives.Algorithm;
import dev.ranks.collectives.Collective;
import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.collectives.Requirement;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.JobTrace;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.hostfiles.MapBy;
import dev.ranks.mpi.MpiImplementation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options every job shares. Mixed into the top command with {@link ScopeType#INHERIT}, so
 * {@code launcher -n 9 p2p} and {@code launcher p2p -n 9} both set the one instance here.
 */
final class JobOptions {
    /** The device that runs ranks as MPJ Express processes; see {@link MpjJob}. */
    static final String MPJ_DEVICE = "mpj";
    /** The device that runs ranks as processes of the system's MPI; see {@link MpiJob}. */
    static final String MPI_DEVICE = "mpi";

    @Option(names = {"-n", "--np"}, paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Number of ranks. Default: the number of available processors (under MPJ Express's own"
                    + " mpjrun: its -np; under your own mpirun with --device mpi: its -n).")
    private Integer np;

    @Option(names = "--device", paramLabel = "NAME", scope = ScopeType.INHERIT, defaultValue = "local",
            description = "Where the ranks run: local (threads in this JVM), mpi (processes of the system's Open MPI"
                    + " or MPICH, see --mpi and docs/mpi.md) or mpj (MPJ Express processes, see --mpj-dev and"
                    + " docs/mpj.md). Default: ${DEFAULT-VALUE}.")
    private String device;

    @Option(names = "--mpi", paramLabel = "IMPL", scope = ScopeType.INHERIT,
            converter = MpiImplementationConverter.class,
            description = "The MPI implementation under --device mpi: openmpi (started with mpirun.openmpi) or mpich"
                    + " (mpiexec.mpich). Default: $RANKS_MPI, else the one the system's mpicc is.")
    private MpiImplementation mpi;

    @Option(names = "--mpj-dev", paramLabel = "DEV", scope = ScopeType.INHERIT, converter = MpjDev.Converter.class,
            description = "The MPJ Express device under --device mpj: multicore (rank threads in one JVM here), niodev"
                    + " (one JVM per rank, started by the MPJ daemons on the hosts of --hostfile) or hybdev."
                    + " Default: niodev with --hostfile, multicore without.")
    private MpjDev mpjDev;

    @Option(names = "--hostfile", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The hosts to place ranks on under --device mpi or mpj (Open MPI, MPICH or"
                    + " one-host-per-line format; see docs/cluster.md). Default: localhost.")
    private Path hostfile;

    @Option(names = "--map-by", paramLabel = "POLICY", scope = ScopeType.INHERIT, converter = MapByConverter.class,
            description = "How ranks fill the hosts: slot (each host's slots in turn) or node (one rank per host in"
                    + " turn). Default: slot.")
    private MapBy mapBy;

    @Option(names = "--daemon-port", paramLabel = "PORT", scope = ScopeType.INHERIT, defaultValue = "40055",
            description = "The port of the MPJ Express daemons on the hosts (niodev, hybdev). Default: ${DEFAULT-VALUE},"
                    + " MPJ's and 'launcher daemons start''s.")
    private int daemonPort;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, converter = DurationConverter.class,
            description = "Stops a job still running after this long (such as 90s, 5m, 1h; a bare number is seconds)"
                    + " and exits " + ExitCodes.TIMEOUT + ". Default: no limit.")
    private Duration timeout;

    @Option(names = "--fail-rank", paramLabel = "R", scope = ScopeType.INHERIT, hidden = true,
            description = "Makes rank R throw as it starts, to try out failure handling (docs/mpj.md).")
    private Integer failRank;

    @Option(names = "--eager-limit", paramLabel = "BYTES", scope = ScopeType.INHERIT,
            converter = ByteSizeConverter.class,
            description = "Messages up to this size are sent eagerly; larger ones wait for the matching receive. "
                    + "Suffixes k, m, g multiply by 1024. Default: ${DEFAULT-VALUE}.")
    private int eagerLimit = Settings.DEFAULT_EAGER_LIMIT;

    @Option(names = "--trace", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Writes the job's timeline to FILE as Chrome trace-event JSON: a track per rank with its"
                    + " sends, receives, waits, collectives and marked regions, and an arrow from each send to its"
                    + " receive. Open it in ui.perfetto.dev or chrome://tracing (docs/trace.md). Default: no trace.")
    private Path trace;

    @Option(names = "--coll", paramLabel = "CHOICES", scope = ScopeType.INHERIT,
            description = "Force collective algorithms, e.g. bcast=binomial,allreduce=ring "
                    + "(see docs/collectives.md for the names). Default: chosen per call by size.")
    private String collectives;

    /**
     * Runs a job with these options and reports how it ended. With {@code --device mpj} this
     * process starts the job through MPJ Express ({@link MpjJob}) and every rank runs this same
     * command line again, inside MPJ ({@link MpjRank}), where the job runs on the {@code mpj} device.
     * With {@code --device mpi} it starts the job through the MPI implementation's starter
     * ({@link MpiJob}) and every rank runs the command line again as a process that starter
     * started ({@link MpiRank}), where the job runs on the {@code mpi} device; so does a command
     * line with {@code --device mpi} that the user's own {@code mpirun} started.
     *
     * @param command the command running it: its name goes into errors, its writers get the report
     * @param minRanks the fewest ranks the command needs
     * @param main what each rank runs
     * @return the exit code, from {@link ExitCodes#report(JobResult, java.io.PrintWriter)}, or
     *     {@link ExitCodes#TIMEOUT} when {@code --timeout} stopped the job
     * @throws ParameterException when {@code -n} is below 1 or below {@code minRanks} (or, in a rank of an
     *     MPI job, differs from the starter's), {@code --coll} names an algorithm that cannot run on that
     *     many ranks, or an option does not go with the device
     */
    int run(CommandSpec command, int minRanks, IntracommMain main) {
        CommandLine commandLine = command.commandLine();
        Map<Collective, Algorithm> forced = forcedAlgorithms(commandLine);
        boolean onMpi = MPI_DEVICE.equals(device) && !MpjRank.active();
        if (onMpi) {
            checkMpiOptions(commandLine);
            if (MpiRank.startedAsRank()) {
                MpiRank.init(mpi);
            }
        } else if (mpi != null) {
            throw new ParameterException(commandLine, "--mpi needs --device mpi: the " + device
                    + " device does not run on MPI");
        }
        int ranks = ranks(commandLine, minRanks);
        if (MpiRank.active() && ranks != MpiRank.size()) {
            throw new ParameterException(commandLine, "-n " + ranks + " does not match the " + MpiRank.size()
                    + " ranks the MPI starter started: leave -n out or give -n " + MpiRank.size());
        }
        checkForcedAlgorithms(commandLine, forced, ranks);
        if (failRank != null && (failRank < 0 || failRank >= ranks)) {
            throw new ParameterException(commandLine, "--fail-rank " + failRank + " is not a rank of this job: expected 0 to "
                    + (ranks - 1));
        }
        if (MpiRank.active()) {
            // This process is one rank; Launcher.main ends its part of the job with the exit code.
            Settings settings = settings(MPI_DEVICE, forced);
            if (trace == null) {
                return ExitCodes.report(Intracomm.run(ranks, settings, program(main)), commandLine.getErr());
            }
            JobTrace jobTrace = MpiRank.trace();
            return ExitCodes.report(Intracomm.run(ranks, settings.withTrace(jobTrace),
                    MpiRank.gatheringTrace(program(main), jobTrace, trace, commandLine.getErr())), commandLine.getErr());
        }
        if (onMpi) {
            if (trace != null) {
                // Rank 0 writes it once the job has succeeded; a bad path is a usage error before any rank starts.
                OutFile.check("--trace", trace);
            }
            List<String> args = command.root().commandLine().getParseResult().originalArgs();
            MpiJob.Spec spec = new MpiJob.Spec(mpi != null ? mpi : MpiImplementation.of(System.getenv()), ranks,
                    hostfile, mapBy != null ? mapBy : MapBy.SLOT, timeout, args, trace);
            return new MpiJob(spec, commandLine.getOut(), commandLine.getErr()).run();
        }
        if (MpjRank.active()) {
            // This rank's part of the trace goes back to the launcher, which writes the file (see MpjDevice).
            Settings settings = settings(MPJ_DEVICE, forced);
            if (trace != null) {
                settings = settings.withTrace(JobTrace.withLauncherEpoch());
            }
            return ExitCodes.report(Intracomm.run(ranks, settings, program(main)), commandLine.getErr());
        }
        if (MPJ_DEVICE.equals(device)) {
            MpjDev dev = mpjDev != null ? mpjDev : hostfile != null ? MpjDev.NIODEV : MpjDev.MULTICORE;
            List<String> args = command.root().commandLine().getParseResult().originalArgs();
            MpjJob.Spec spec = new MpjJob.Spec(dev, ranks, hostfile, mapBy != null ? mapBy : MapBy.SLOT, daemonPort,
                    eagerLimit, timeout, args, trace);
            return new MpjJob(spec, commandLine.getOut(), commandLine.getErr()).run();
        }
        if (hostfile != null) {
            throw new ParameterException(commandLine, "--hostfile needs --device mpi or mpj: the " + device
                    + " device runs every rank in this JVM");
        }
        if (mpjDev != null) {
            throw new ParameterException(commandLine, "--mpj-dev needs --device mpj: the " + device
                    + " device runs every rank in this JVM");
        }
        Settings settings = settings(device, forced);
        if (trace == null) {
            return runLocal(commandLine, ranks, settings, program(main));
        }
        TraceOutput output = TraceOutput.open(trace);
        JobTrace jobTrace = new JobTrace();
        try {
            return runLocal(commandLine, ranks, settings.withTrace(jobTrace), program(main));
        } finally {
            output.write(jobTrace, commandLine.getErr());
        }
    }

    private int runLocal(CommandLine commandLine, int ranks, Settings settings, IntracommMain main) {
        if (timeout == null) {
            return ExitCodes.report(Intracomm.run(ranks, settings, main), commandLine.getErr());
        }
        return runWithTimeout(commandLine, ranks, settings, main);
    }

    /**
     * How many ranks the job runs as threads of this JVM, for commands that check what their ranks
     * will hold together before any of them starts.
     *
     * @return {@code -n} (the number of processors without it) on the local device; 0 under
     *     {@code --device mpj} and {@code --device mpi}, whose ranks run in JVMs of their own
     */
    int ranksInThisJvm() {
        if (MpjRank.active() || MPJ_DEVICE.equals(device) || MPI_DEVICE.equals(device)) {
            return 0;
        }
        return np != null ? Math.max(1, np) : Runtime.getRuntime().availableProcessors();
    }

    private Settings settings(String deviceName, Map<Collective, Algorithm> forced) {
        return Settings.defaults().withDevice(deviceName).withEagerLimit(eagerLimit)
                .withCollectives(Algorithm.labels(forced));
    }

    private IntracommMain program(IntracommMain main) {
        if (failRank == null) {
            return main;
        }
        int victim = failRank;
        return comm -> {
            if (comm.rank() == victim) {
                throw new IllegalStateException("rank " + victim + " fails on purpose (--fail-rank " + victim + ")");
            }
            main.run(comm);
        };
    }

    // The local device's ranks are threads of this JVM: the job runs on a thread of its own so that
    // the launcher can stop waiting; the daemon rank threads die when the launcher exits.
    private int runWithTimeout(CommandLine commandLine, int ranks, Settings settings, IntracommMain main) {
        FutureTask<JobResult> job = new FutureTask<>(() -> Intracomm.run(ranks, settings, main));
        Thread runner = new Thread(job, "job");
        runner.setDaemon(true);
        runner.start();
        try {
            return ExitCodes.report(job.get(timeout.toNanos(), TimeUnit.NANOSECONDS), commandLine.getErr());
        } catch (TimeoutException e) {
            commandLine.getErr().println("job exceeded --timeout " + timeout.toString().substring(2).toLowerCase(Locale.ROOT)
                    + ": stopped all " + ranks + " ranks");
            commandLine.getErr().flush();
            return ExitCodes.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while waiting for the job", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RanksException(ErrorClass.INTERNAL, -1,
                    "the job failed: " + e.getCause(), e.getCause());
        }
    }

    // The MPI-only parts of the job options, checked in the launcher and in every rank alike.
    private void checkMpiOptions(CommandLine command) {
        if (mpjDev != null) {
            throw new ParameterException(command, "--mpj-dev needs --device mpj: --device mpi runs on the system's"
                    + " MPI, chosen with --mpi");
        }
    }

    private int ranks(CommandLine command, int minRanks) {
        int n = np != null ? np : MpjRank.active() ? MpjRank.size() : MpiRank.active() ? MpiRank.size()
                : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new ParameterException(command, "-n must be at least 1, got " + n);
        }
        if (n < minRanks) {
            throw new ParameterException(command, commandName(command) + " needs at least " + minRanks
                    + " ranks, got -n " + n);
        }
        return n;
    }

    // The launcher's commands run their collectives on the world communicator, so an algorithm
    // that needs a power-of-two size cannot run there: say so now, as bad input, rather than as a
    // rank failing at its first call.
    private static void checkForcedAlgorithms(CommandLine command, Map<Collective, Algorithm> forced, int ranks) {
        for (Algorithm a : forced.values()) {
            if (a.requirements().contains(Requirement.POWER_OF_TWO) && Integer.bitCount(ranks) != 1) {
                throw new ParameterException(command, "--coll " + a.collective().label() + "=" + a.label()
                        + " requires a power-of-two number of ranks, got -n " + ranks);
            }
        }
    }

    private Map<Collective, Algorithm> forcedAlgorithms(CommandLine command) {
        try {
            return Algorithm.parse(collectives);
        } catch (RanksException e) {
            throw new ParameterException(command, "--coll: " + e.getMessage());
        }
    }

    private static String commandName(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        String root = command.getCommandSpec().root().name();
        return qualified.substring(root.length()).strip();
    }
}
