package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Alltoall;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher alltoall}: the cookbook's all-to-all recipe. */
@Command(name = "alltoall", description = {
    "The cookbook's all-to-all recipe: rank r holds (r+1)*[0, 1, ..., N-1] and sends element j to rank j "
        + "(comm.Alltoall).",
    "Each rank prints what it sent and what it received."})
final class AlltoallCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Alltoall.run(comm, out));
    }
}
