package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.workloads.recipes.Scatter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher scatter}: the cookbook's scatter recipe. */
@Command(name = "scatter", description = {
    "The cookbook's scatter recipe: rank 0 holds [1, 2, ..., N] and hands item r to rank r (comm.scatter).",
    "Each rank prints the item it got."})
final class ScatterCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", paramLabel = "K",
            description = "Items in rank 0's list [1, 2, ..., K]. A scatter hands one item to each rank, so any K "
                    + "other than the number of ranks is an error, as in mpi4py. Default: the number of ranks.")
    private Integer count;

    /**
     * Runs the recipe once {@code --count} is known to fit.
     *
     * @return the exit code
     * @throws RanksException ({@link ErrorClass#USAGE}) when {@code --count} is not the number of ranks
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int ranks = JobSize.ranks(spec);
        // Checked here, before any rank starts, because --count is the user's input: the same
        // mistake inside the job would be a failed rank with a stack trace.
        if (count != null && count != ranks && ranks >= 1) {
            throw new RanksException(ErrorClass.USAGE, "scatter: expecting " + ranks + " items, got " + count
                    + ": --count must equal the number of ranks (-n " + ranks + ")");
        }
        int items = count == null ? ranks : count;
        return launcher.job().run(spec, 1, comm -> Scatter.run(comm, items, out));
    }
}
