package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Cart;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher cart}: the cookbook's virtual-topology recipe, a 2-D mesh or torus. */
@Command(name = "cart", description = {
    "The cookbook's virtual-topology recipe: the ranks form a 2-D grid (Dims.create(N, 2), e.g. 2 x 2 for 4 ranks).",
    "Rank 0 prints the grid's shape; every rank prints its row, its column and its UP, DOWN, LEFT and RIGHT"
        + " neighbours, -1 past an open edge. See docs/topology.md."})
final class CartCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Option(names = "--periodic", description = "Wrap both dimensions around: a torus instead of a mesh.")
    private boolean periodic;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Cart.run(comm, periodic, out));
    }
}
