package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Hello;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher hello}: the cookbook's hello world. */
@Command(name = "hello", description = "Each rank prints its rank and the number of ranks (the cookbook's hello world).")
final class HelloCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, 1, comm -> Hello.run(comm, out));
    }
}
