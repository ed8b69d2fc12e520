package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Order;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.Summary;
import dev.ranks.workloads.fib.CostModel;
import dev.ranks.workloads.fib.DecimalSummary;
import dev.ranks.workloads.fib.FibArithmetic;
import dev.ranks.workloads.fib.FibInputs;
import dev.ranks.workloads.fib.FibJob;
import dev.ranks.workloads.fib.FibReport;
import dev.ranks.workloads.fib.FibResult;
import dev.ranks.workloads.fib.GmpArithmetic;
import dev.ranks.workloads.fib.RankLoad;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher fib}: the books' running example, F(n) exactly for many n, balanced across the ranks. */
@Command(name = "fib", description = {
    "Computes the Fibonacci number F(n) exactly for every input, spread over the ranks by predicted cost.",
    "Rank 0 partitions the inputs (longest first), scatters them, and gathers and prints the results in input"
        + " order: n, digit count, the computing rank, its CPU time, and the first and last 10 digits; then each"
        + " rank's load and a summary. Inputs come from the command line, --inputs and --random, in that order;"
        + " with none, a default batch of 48 inputs up to 1000000 runs. See docs/fib.md.",
    "With --engine, every distinct input is a 'fib' task on that pipeline engine instead: the rank column"
        + " numbers the engine's workers, and a per-engine summary line follows. See docs/pipeline.md."})
final class FibCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "N", arity = "0..*",
            description = "Inputs, each a non-negative integer up to " + FibInputs.MAX_N + ".")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--inputs", paramLabel = "FILE",
            description = "A file of inputs: integers separated by whitespace or commas, '#' comments.")
    private Path file;

    @Option(names = "--random", paramLabel = "K", description = "Adds K random inputs from 0 to --max.")
    private Integer random;

    @Option(names = "--max", paramLabel = "M",
            description = "The largest random input. Default: " + FibInputs.DEFAULT_MAX + ".")
    private Integer max;

    @Option(names = "--seed", paramLabel = "S",
            description = "The seed of the random inputs; the same seed draws the same inputs. Default: "
                    + FibInputs.DEFAULT_SEED + ".")
    private Long seed;

    @Option(names = "--full", description = "Prints every value in full, written out by the rank computing it.")
    private boolean full;

    @Option(names = "--json", description = "Prints JSON lines: one object per input, then a summary object.")
    private boolean json;

    @Option(names = "--arith", paramLabel = "WHICH", defaultValue = FibArithmetic.AUTO,
            description = "The big-integer arithmetic: gmp (GMP through libgmp.so.10, Debian's libgmp10), java"
                    + " (BigInteger) or auto, GMP where it loads and BigInteger otherwise. The summary says which ran."
                    + " Default: ${DEFAULT-VALUE}.")
    private String arith;

    @Option(names = "--print-inputs", description = "Prints the inputs, one per line, in the order given, and"
            + " computes nothing: the batch a run with the same options computes (bin/bench-compare-fib hands it to"
            + " its reference).")
    private boolean printInputs;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() {
        // Read before the ranks start, so that bad input is a usage error, not a failed rank.
        List<Integer> batch = batch();
        engine.check(null);
        PrintWriter out = spec.commandLine().getOut();
        if (printInputs) {
            batch.forEach(out::println);
            out.flush();
            return 0;
        }
        if (engine.given()) {
            if (!arith.equals(FibArithmetic.AUTO)) {
                throw new RanksException(ErrorClass.USAGE, "--arith is given with --engine: expected one of them"
                        + " (the engines' fib tasks compute with BigInteger)");
            }
            return onEngine(batch, out);
        }
        FibArithmetic arithmetic = FibArithmetic.choose(arith);
        if (arith.equals(FibArithmetic.AUTO) && GmpArithmetic.problem() != null) {
            spec.commandLine().getErr().println("fib: GMP is unavailable (" + GmpArithmetic.problem()
                    + "): computing with BigInteger; install libgmp10 for GMP");
        }
        Steps.of(spec).start("computing " + batch.size() + (batch.size() == 1 ? " input" : " inputs") + ", the largest "
                + batch.stream().mapToInt(Integer::intValue).max().orElse(0));
        // Counted in distinct inputs, as the ranks compute them; the bar ends before the report prints.
        try (Progress progress = Progress.start(spec, launcher.job(), batch.stream().distinct().count())) {
            return launcher.job().run(spec, 1, comm -> {
                FibReport report = FibJob.run(comm, batch, full, arithmetic, progress::step);
                if (report != null) {
                    progress.close();
                    if (json) {
                        report.printJson(out);
                    } else {
                        report.printText(out);
                    }
                }
            });
        }
    }

    /**
     * Runs each distinct input as a {@code fib} task and prints what the rank job prints, rows in
     * the asked order, the engine's workers in place of ranks, then the engine's summary.
     */
    private int onEngine(List<Integer> batch, PrintWriter out) {
        List<Integer> distinct = batch.stream().distinct().toList();
        List<Call> calls = distinct.stream().map(n -> Call.of("fib", n)).toList();
        Map<Integer, Outcome> byN = new LinkedHashMap<>();
        Summary[] summary = new Summary[1];
        int code = EngineBatch.run(launcher, spec, engine, calls, (outcome, done) -> {
            if (outcome != null) {
                byN.put(distinct.get(outcome.index()), outcome);
            } else {
                summary[0] = done;
            }
        });
        if (summary[0] == null) {
            return code;
        }
        for (Outcome failed : byN.values().stream().filter(o -> !o.ok()).toList()) {
            spec.commandLine().getErr().println("fib " + failed.call().args() + " failed on " + failed.worker() + ": "
                    + failed.error());
        }
        if (code == 0) {
            print(batch, byN, summary[0], out);
        }
        return code;
    }

    private void print(List<Integer> batch, Map<Integer, Outcome> byN, Summary summary, PrintWriter out) {
        // The ranks engine's workers are ranks; other workers are numbered by first result.
        Map<String, Integer> workerIndex = new HashMap<>();
        byN.values().forEach(o -> workerIndex.putIfAbsent(o.worker(), o.worker().matches("rank-\\d+")
                ? Integer.parseInt(o.worker().substring("rank-".length())) : workerIndex.size()));
        List<Integer> rows = new ArrayList<>(batch);
        if (engine.order() == Order.COMPLETION) {
            List<Integer> arrival = new ArrayList<>(byN.keySet());
            rows.sort(Comparator.comparingInt(arrival::indexOf));
        }
        CostModel model = CostModel.of(full);
        List<FibResult> results = new ArrayList<>();
        for (int n : rows) {
            Outcome o = byN.get(n);
            BigInteger value = new BigInteger(o.result().toString());
            results.add(new FibResult(n, DecimalSummary.of(value, FibJob.SHOWN_DIGITS), full ? value.toString() : "",
                    workerIndex.get(o.worker()), o.millis()));
        }
        List<RankLoad> loads = new ArrayList<>();
        workerIndex.forEach((worker, index) -> {
            List<Outcome> mine = byN.values().stream().filter(o -> o.worker().equals(worker)).toList();
            loads.add(new RankLoad(index, mine.size(),
                    mine.stream().mapToDouble(o -> model.millis(inputOf(o))).sum(),
                    mine.stream().mapToDouble(Outcome::millis).sum()));
        });
        loads.sort(Comparator.comparingInt(RankLoad::rank));
        // the ranks engine's workers are ranks; the other engines' are threads, processes or queue workers
        FibReport report = new FibReport(results, loads, byN.size(), summary.wallMillis(),
                summary.engine().equals("ranks") ? "rank" : "worker");
        if (json) {
            report.printJson(out);
            out.printf(Locale.ROOT, "{\"engine\":{\"name\":\"%s\",\"tasks\":%d,\"failed\":%d,\"workers\":%d,"
                    + "\"wall_ms\":%.3f,\"tasks_per_s\":%.1f,\"deaths\":%d}}%n", summary.engine(), summary.tasks(),
                    summary.failed(), summary.workers(), summary.wallMillis(), summary.tasksPerSecond(),
                    summary.deaths().size());
        } else {
            report.printText(out);
            out.println(summary.line());
            summary.deaths().forEach(death -> out.println("  " + death));
        }
        out.flush();
    }

    private static int inputOf(Outcome o) {
        return ((Long) o.call().args().get(0)).intValue();
    }

    private List<Integer> batch() {
        if (random == null && (max != null || seed != null)) {
            throw new RanksException(ErrorClass.USAGE, (max != null ? "--max" : "--seed")
                    + " is given without --random: expected --random K to draw K inputs");
        }
        List<Integer> batch = new ArrayList<>(FibInputs.parse(inputs));
        if (file != null) {
            batch.addAll(FibInputs.read(file));
        }
        if (random != null) {
            batch.addAll(FibInputs.random(random, max != null ? max : FibInputs.DEFAULT_MAX,
                    seed != null ? seed : FibInputs.DEFAULT_SEED));
        }
        return batch.isEmpty() ? FibInputs.defaults() : batch;
    }
}
