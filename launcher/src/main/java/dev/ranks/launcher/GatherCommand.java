package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Gather;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher gather}: the cookbook's gather recipe. */
@Command(name = "gather", description = {
    "The cookbook's gather recipe: rank r sends (r+1)^2 to rank 0 (comm.gather).",
    "Rank 0 prints what it received from each rank."})
final class GatherCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Gather.run(comm, out));
    }
}
