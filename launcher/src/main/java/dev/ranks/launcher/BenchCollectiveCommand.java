package dev.ranks.launcher;

import dev.ranks.collectives.Algorithm;
import dev.ranks.collectives.Collective;
import dev.ranks.collectives.Op;
import dev.ranks.collectives.Requirement;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.bench.CollectiveBench;
import dev.ranks.workloads.bench.CollectiveBenchOptions;
import dev.ranks.workloads.bench.CollectiveBenchRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the collective benchmarks share: check the options, force the algorithm asked for, run the
 * harness on every rank, then rank 0 prints its table; again for each algorithm asked for. With
 * {@code --plot}, a line per algorithm. One small subclass per collective.
 */
abstract class BenchCollectiveCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--min-size", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            defaultValue = "" + CollectiveBenchOptions.DEFAULT_MIN_SIZE,
            description = "Smallest message; sizes double from here. Default: ${DEFAULT-VALUE}.")
    private int minSize;

    @Option(names = "--max-size", paramLabel = "BYTES", converter = ByteSizeConverter.class, defaultValue = "1m",
            description = "Largest message (suffixes k, m, g). Default: ${DEFAULT-VALUE}.")
    private int maxSize;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + CollectiveBenchOptions.DEFAULT_ITERATIONS,
            description = "Timed calls per size up to 8k; larger sizes run a tenth as many. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + CollectiveBenchOptions.DEFAULT_WARMUP,
            description = "Untimed calls before the timed ones, a tenth as many above 8k. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Mixin
    private PlotOption plotOption;

    @Option(names = "--algorithm", paramLabel = "NAME", split = ",",
            description = "Force one algorithm of this collective at every size, as --coll COLLECTIVE=NAME does "
                    + "(see docs/collectives.md for the names). Several, comma-separated, run one after another on the"
                    + " local device: a table each, and a line each in --plot. Default: the selector's choice per size.")
    private List<String> algorithms = new ArrayList<>();

    @Option(names = "--openmpi",
            description = "Also time bench/collectives.c, the same calls in C, under Open MPI's mpirun -np N (N = the"
                    + " job's ranks) at the same sizes and counts, both ways, before the ranks start: four more columns"
                    + " with the ratios. allreduce (--op sum), bcast and barrier on the local device only.")
    private boolean openMpi;

    /**
     * Runs the benchmark on the job's ranks, once per algorithm asked for, and prints rank 0's tables.
     *
     * @return the exit code
     * @throws RanksException ({@link ErrorClass#ARG} or {@link ErrorClass#USAGE}) naming a bad
     *     option, before any rank starts
     */
    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Built and checked first so that bad sizes, counts or names are a usage error, not a failed rank.
        CollectiveBenchOptions options = new CollectiveBenchOptions(kind(), minSize, maxSize, iterations, warmup, op());
        BenchPlot plot = plotOption.plot();
        AtomicReference<String> title = new AtomicReference<>();
        int ranks = JobSize.ranks(spec);
        if (ranks >= 1) {
            options.checkRanks(ranks);
        }
        int inJvm = bench.job().ranksInThisJvm();
        if (inJvm > 0) {
            MemoryCheck.heap(spec.qualifiedName(" ").substring(spec.root().name().length() + 1) + " --max-size "
                    + MemoryCheck.option(maxSize) + " on " + inJvm + " ranks", options.heapBytes(inJvm));
        }
        List<Algorithm> chosen = algorithms.stream().map(name -> Algorithm.of(kind().collective(), name)).toList();
        Map<Integer, OpenMpiCollectives.Row> reference = Map.of();
        if (openMpi) {
            checkOpenMpi(options, ranks, inJvm);
            // Before the ranks, so that mpirun's processes and the ranks do not share the cores.
            Steps.of(spec).start("timing bench/collectives.c under Open MPI's mpirun -np " + ranks);
            reference = OpenMpiCollectives.run(options, ranks);
        }
        Map<Integer, OpenMpiCollectives.Row> openMpiRows = reference;
        if (chosen.size() > 1 && inJvm == 0) {
            // Under --device mpj each job is MPJ Express processes that run this command line again.
            throw new RanksException(ErrorClass.USAGE, "--algorithm " + String.join(",", algorithms)
                    + ": several algorithms run on the local device only; under --device mpj give one");
        }
        // Rank 0's rows per line of the plot; empty in a process that ran no rank 0 (the mpj device's launcher).
        Map<String, List<CollectiveBenchRow>> lines = new LinkedHashMap<>();
        OptionSpec coll = spec.findOption("--coll");
        String given = coll.getValue();
        for (Algorithm algorithm : chosen.isEmpty() ? Collections.<Algorithm>singletonList(null) : chosen) {
            coll.setValue(given);
            if (algorithm != null) {
                force(algorithm, ranks, options.op());
            }
            int code;
            try (Progress progress = Progress.start(spec, bench.job(), options.sizes().size())) {
                code = bench.job().run(spec, 1, comm -> {
                    List<CollectiveBenchRow> rows = CollectiveBench.run(comm, options, progress::step);
                    if (comm.rank() == CollectiveBench.ROOT) {
                        progress.close();
                        CollectiveBenchTable.print(out, comm, options, sizeNote(), rows, openMpiRows);
                        String forced = CollectiveBenchTable.forced(comm, options);
                        lines.put(forced == null ? "selector's choice per size" : forced, rows);
                        title.set(CollectiveBenchTable.title(comm, options));
                    }
                });
            }
            if (code != 0) {
                return code;
            }
        }
        if (plot != null && !lines.isEmpty()) {
            CollectiveBenchTable.plot(plot, title.get(), lines);
        }
        return 0;
    }

    private void checkOpenMpi(CollectiveBenchOptions options, int ranks, int inJvm) {
        if (!OpenMpiCollectives.KINDS.contains(kind())) {
            throw new RanksException(ErrorClass.USAGE, "--openmpi: bench/collectives.c has allreduce, bcast and barrier,"
                    + " not " + kind().label());
        }
        if (kind() == CollectiveBench.Kind.ALLREDUCE && options.op() != Op.SUM) {
            throw new RanksException(ErrorClass.USAGE, "--openmpi: bench/collectives.c reduces with sum, not "
                    + options.op().name().toLowerCase(Locale.ROOT) + ": drop --op or --openmpi");
        }
        if (ranks < 1 || inJvm != ranks) {
            // Under --device mpj the command runs again in each MPJ Express process, so each would time it.
            throw new RanksException(ErrorClass.USAGE, "--openmpi times Open MPI beside the local device only, with"
                    + " -n N given");
        }
    }

    /** @return the collective this command measures */
    abstract CollectiveBench.Kind kind();

    /** @return a comment line saying what the message size means for this collective */
    abstract String sizeNote();

    /** @return the operation of an allreduce; null for the other collectives */
    Op op() {
        return null;
    }

    /**
     * Adds {@code collective=algorithm} to the job's {@code --coll} choices, so that the job's
     * settings force it, after checking the requirements that can be known before the job starts.
     */
    private void force(Algorithm chosen, int ranks, Op op) {
        Collective collective = chosen.collective();
        if (chosen.requirements().contains(Requirement.POWER_OF_TWO) && ranks >= 1 && Integer.bitCount(ranks) != 1) {
            throw new RanksException(ErrorClass.USAGE, collective.label() + " algorithm " + chosen.label()
                    + " requires a power-of-two number of ranks, got -n " + ranks);
        }
        if (chosen.requirements().contains(Requirement.COMMUTATIVE) && op != null && !op.commutative()) {
            throw new RanksException(ErrorClass.USAGE, collective.label() + " algorithm " + chosen.label()
                    + " requires a commutative op, and " + op.name() + " is not");
        }
        OptionSpec coll = spec.findOption("--coll");
        String given = coll.getValue();
        Map<Collective, Algorithm> choices;
        try {
            choices = Algorithm.parse(given);
        } catch (RanksException e) {
            throw new ParameterException(spec.commandLine(), "--coll: " + e.getMessage(), e);
        }
        Algorithm other = choices.get(collective);
        if (other != null && other != chosen) {
            throw new RanksException(ErrorClass.USAGE, "--algorithm " + chosen.label() + " conflicts with --coll "
                    + collective.label() + "=" + other.label() + ": give one of them");
        }
        String pair = collective.label() + "=" + chosen.label();
        coll.setValue(given == null || given.isBlank() ? pair : given + "," + pair);
    }
}
