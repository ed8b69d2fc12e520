package dev.ranks.launcher;

import dev.ranks.collectives.Op;
import dev.ranks.workloads.recipes.Reduce;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher reduce}: the cookbook's reduce recipe, with a choice of operation. */
@Command(name = "reduce", description = {
    "The cookbook's reduce recipe: rank r holds (r+1)*[0, 1, ..., 9], and the arrays are combined "
        + "element by element at rank 0 (comm.Reduce).",
    "Each rank prints what it sends; rank 0 prints the result."})
final class ReduceCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Option(names = "--op", paramLabel = "OP", defaultValue = "sum", converter = OpConverter.ForReduce.class,
            description = "How the arrays are combined: sum, prod, max, min, land, lor, lxor, band, bor or bxor "
                    + "(maxloc and minloc read (value, index) pairs, which this recipe does not send). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Op op;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Reduce.run(comm, op, out));
    }
}
