package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.fib.FibInputs;
import dev.ranks.workloads.fib.FibJob;
import dev.ranks.workloads.fib.FibReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        + " with none, a default batch of 48 inputs up to 1000000 runs. See docs/fib.md."})
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

    @Override
    public Integer call() {
        // Read before the ranks start, so that bad input is a usage error, not a failed rank.
        List<Integer> batch = batch();
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> {
            FibReport report = FibJob.run(comm, batch, full);
            if (report != null) {
                if (json) {
                    report.printJson(out);
                } else {
                    report.printText(out);
                }
            }
        });
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
