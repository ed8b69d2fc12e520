package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Deadlock;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher deadlock}: the cookbook's deadlock recipe and its two fixes. */
@Command(name = "deadlock", description = {
    "The cookbook's deadlock recipe and its fixes, on 6 ranks or more.",
    "Ranks 1 and 5 each receive from the other before sending, so the job is stopped as deadlocked "
        + "(exit 3) with each rank's pending call; --fix shows the two cures."})
final class DeadlockCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Option(names = "--fix", paramLabel = "HOW", defaultValue = "none", converter = FixConverter.class,
            description = "none: both receive first (deadlock); order: rank 1 sends first; "
                    + "sendrecv: both call sendrecv. Default: ${DEFAULT-VALUE}.")
    private Deadlock.Fix fix;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return launcher.job().run(spec, Deadlock.MIN_RANKS, comm -> Deadlock.run(comm, fix, out));
    }
}
