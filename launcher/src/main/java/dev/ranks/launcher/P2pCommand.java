package dev.ranks.launcher;

import dev.ranks.workloads.recipes.PointToPoint;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher p2p}: the cookbook's point-to-point recipe. */
@Command(name = "p2p", description = {
    "The cookbook's point-to-point recipe, on 9 ranks or more.",
    "Rank 0 sends the int 10000000 to rank 4, rank 1 sends \"hello\" to rank 8; every rank prints its rank."})
final class P2pCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, PointToPoint.MIN_RANKS, comm -> PointToPoint.run(comm, out));
    }
}
