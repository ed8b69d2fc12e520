package dev.ranks.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code launcher} command: runs a workload or benchmark as N ranks. Build it with
 * {@link #commandLine()}, which also installs the exit-code mapping; {@code main} only runs
 * {@link #commandLine(String...)} and exits with its code. The commands are listed here rather
 * than in {@code @Command}, so that {@code main} can build only the one a command line names:
 * picocli's model of all of them took longer than {@code hello} takes to run.
 */
@Command(name = "launcher",
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Runs a program as N ranks that pass messages to each other, with MPI semantics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a rank failed or called abort",
            "2:bad usage or input",
            "3:deadlock detected",
            "124:stopped by --timeout"})
public final class Launcher implements Callable<Integer> {
    /**
     * The commands, in the order {@code --help} lists them, each with the name its {@code @Command}
     * gives it (LauncherTest checks that they agree).
     */
    static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(
            Map.entry("hello", HelloCommand.class), Map.entry("p2p", P2pCommand.class),
            Map.entry("deadlock", DeadlockCommand.class), Map.entry("bench", BenchCommand.class),
            Map.entry("fib", FibCommand.class), Map.entry("bcast", BcastCommand.class),
            Map.entry("scatter", ScatterCommand.class), Map.entry("gather", GatherCommand.class),
            Map.entry("alltoall", AlltoallCommand.class), Map.entry("reduce", ReduceCommand.class),
            Map.entry("cart", CartCommand.class), Map.entry("crawl", CrawlCommand.class),
            Map.entry("hosts", HostsCommand.class), Map.entry("daemons", DaemonsCommand.class),
            Map.entry("mpj-check", MpjCheckCommand.class), Map.entry("run-task", RunTaskCommand.class),
            Map.entry("map", MapCommand.class), Map.entry("worker", WorkerCommand.class),
            Map.entry("submit", SubmitCommand.class), Map.entry("queues", QueuesCommand.class),
            Map.entry("revoke", RevokeCommand.class), Map.entry("dashboard", DashboardCommand.class),
            Map.entry("redis-up", RedisUpCommand.class), Map.entry("gpu", GpuCommand.class),
            Map.entry(RunCommand.NAME, RunCommand.class));

    // Not an @Mixin: build adds it after the commands (see there).
    private final JobOptions job = new JobOptions();

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
        int exitCode = commandLine(args).execute(args);
        // A rank of an MPI job ends its part through MPI: MPI_Abort on failure ends the other ranks.
        MpiRank.finish(exitCode);
        System.exit(exitCode);
    }

    /**
     * Builds the launcher's command line with all its commands and exit codes mapped by
     * {@link ExitCodes}. Tests call this, swap its writers and {@link CommandLine#execute(String...)} it.
     *
     * @return a command line ready to execute
     */
    public static CommandLine commandLine() {
        return build(COMMANDS.stream().map(Map.Entry::getValue).toList());
    }

    /**
     * Builds the launcher's command line for one command line: with only the command it names
     * where that is plain, with all of them otherwise. Executing {@code args} on it does what it
     * does on {@link #commandLine()}: the launcher's own options come before the command, where
     * only their names and values can stand, and anything else (no command, an unknown word or
     * option, {@code --help}, an {@code @file}) gets every command, but {@code --version} alone none.
     *
     * @param args the command line it will execute
     * @return a command line ready to execute {@code args}
     */
    public static CommandLine commandLine(String... args) {
        Launcher launcher = new Launcher();
        CommandSpec job = CommandSpec.forAnnotatedObject(launcher.job);
        Class<?> named = namedCommand(job, args);
        if (named != null) {
            return build(launcher, job, List.of(named));
        }
        // The version, alone, is the one answer that names no command and lists none.
        boolean version = args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"));
        return build(launcher, job, version ? List.of() : COMMANDS.stream().map(Map.Entry::getValue).toList());
    }

    private static CommandLine build(List<Class<?>> commands) {
        Launcher launcher = new Launcher();
        return build(launcher, CommandSpec.forAnnotatedObject(launcher.job), commands);
    }

    /*
     * In the order picocli's annotations would build it, which decides where the inherited options
     * go in a command's help when it keeps its options' order (crawl): the commands, then the job
     * options, then --help and --version.
     */
    private static CommandLine build(Launcher launcher, CommandSpec job, List<Class<?>> commands) {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine commandLine = new CommandLine(launcher)
                .setParameterExceptionHandler(exitCodes)
                .setExecutionExceptionHandler(exitCodes);
        // A loop, not commandLine::addSubcommand: resolving that lambda while bin/launcher dumps its
        // class-data archive links picocli's CommandLine, and a linked pre-Java-6 class stays out of it.
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
        CommandSpec spec = commandLine.getCommandSpec();
        spec.addMixin("job", job);
        spec.mixinStandardHelpOptions(true);
        CommandLine run = commandLine.getSubcommands().get(RunCommand.NAME);
        if (run != null) {
            // A program's arguments are its own, even those that look like the launcher's options.
            run.setStopAtPositional(true);
        }
        return commandLine;
    }

    /**
     * The command {@code args} names after the launcher's own options, or null where picocli could
     * read them otherwise: an option that is not a job option ({@code --help}, {@code --version},
     * a typo), a value that is also a command's name (picocli refuses those) or an {@code @file}
     * (picocli reads its words first, which may name another command), {@code --}.
     */
    private static Class<?> namedCommand(CommandSpec job, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                return COMMANDS.stream().filter(command -> command.getKey().equals(arg)).findFirst()
                        .map(Map.Entry::getValue).orElse(null);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            // findOption also matches a name without its dashes, picocli's parser only the name as it is
            OptionSpec option = job.findOption(name);
            if (option == null || !List.of(option.names()).contains(name) || option.arity().min() != 1
                    || option.arity().max() != 1) {
                return null;
            }
            if (equals < 0) {
                i++;
                if (i == args.length || isCommand(args[i]) || args[i].startsWith("@")) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isCommand(String arg) {
        return COMMANDS.stream().anyMatch(command -> command.getKey().equals(arg));
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
