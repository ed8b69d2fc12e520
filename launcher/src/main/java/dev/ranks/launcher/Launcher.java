package dev.ranks.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code launcher} command: runs a workload or benchmark as N ranks. Build it with
 * {@link #commandLine()}, which also installs the exit-code mapping; {@code main} only runs that
 * and exits with its code.
 */
@Command(name = "launcher",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Runs a program as N ranks that pass messages to each other, with MPI semantics.",
        subcommands = {HelloCommand.class, P2pCommand.class, DeadlockCommand.class, BenchCommand.class, FibCommand.class,
            BcastCommand.class, ScatterCommand.class, GatherCommand.class, AlltoallCommand.class, ReduceCommand.class,
            CartCommand.class, CrawlCommand.class, HostsCommand.class, DaemonsCommand.class, MpjCheckCommand.class,
            RunTaskCommand.class, MapCommand.class, WorkerCommand.class, SubmitCommand.class, QueuesCommand.class,
            RevokeCommand.class, DashboardCommand.class,
            RedisUpCommand.class, GpuCommand.class, RunCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a rank failed or called abort",
            "2:bad usage or input",
            "3:deadlock detected",
            "124:stopped by --timeout"})
public final class Launcher implements Callable<Integer> {
    @Mixin
    private JobOptions job;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in its options. */
    public Launcher() {
    }

    /**
     * Runs the launcher and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (MpjRank.isMpjLaunch(args)) {
            // A rank of an MPJ Express job; under MPJ's multicore device other ranks share this JVM.
            MpjRank.run(args, Launcher::commandLine);
            return;
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * Builds the launcher's command line with exit codes mapped by {@link ExitCodes}. Tests call
     * this, swap its writers and {@link CommandLine#execute(String...)} it.
     *
     * @return a command line ready to execute
     */
    public static CommandLine commandLine() {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine launcher = new CommandLine(new Launcher())
                .setParameterExceptionHandler(exitCodes)
                .setExecutionExceptionHandler(exitCodes);
        // A program's arguments are its own, even those that look like the launcher's options.
        launcher.getSubcommands().get(RunCommand.NAME).setStopAtPositional(true);
        return launcher;
    }

    /**
     * Reached only without a command: says which commands there are.
     *
     * @return never returns normally
     * @throws ParameterException always
     */
    @Override
    public Integer call() {
        throw ExitCodes.missing(spec, "command");
    }

    JobOptions job() {
        return job;
    }
}
