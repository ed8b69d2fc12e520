package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Bcast;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher bcast}: the cookbook's broadcast recipe. */
@Command(name = "bcast", description = {
    "The cookbook's broadcast recipe: rank 0 shares the value 100 with every rank (comm.bcast).",
    "Each rank prints the value it got."})
final class BcastCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Bcast.run(comm, out));
    }
}
