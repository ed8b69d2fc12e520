package dev.ranks.launcher;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where job results and errors become the launcher's exit codes: 0 success, 1 a
 * rank failed or called abort, 2 bad usage or input, 3 deadlock detected. A job's outcome maps
 * through {@link JobResult#exitCode()}; a bad command line and a {@link RanksException} about
 * input (usage, an argument, a device, a hostfile) map to 2; anything else escapes to picocli,
 * which prints its stack trace and exits 1.
 */
final class ExitCodes implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Bad usage or input. */
    static final int USAGE = 2;
    /** A job stopped by {@code --timeout}, as timeout(1) exits. */
    static final int TIMEOUT = 124;

    /**
     * Prints what the launcher says about a job that did not complete: {@code rank R failed:} with
     * the stack trace, or the deadlock report.
     *
     * @param result how the job ended
     * @param err where the report goes
     * @return the exit code
     */
    static int report(JobResult result, PrintWriter err) {
        String report = result.describe();
        if (!report.isEmpty()) {
            err.print(report.endsWith("\n") ? report : report + "\n");
            err.flush();
        }
        return result.exitCode();
    }

    /**
     * Prints the short form every usage error gets: the error, picocli's suggestions for a
     * mistyped name, a one-line list of the commands when a command's name was expected, and the
     * hint {@code See 'launcher ... --help'.} The full usage is left to {@code --help}.
     *
     * @param ex what was wrong with the command line
     * @param args the command line
     * @return {@link #USAGE}
     */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        if (namedUnknownCommand(ex)) {
            err.println("Commands: " + String.join(", ", visibleCommands(command.getCommandSpec())) + ".");
        }
        err.println(seeHelp(command));
        err.flush();
        return USAGE;
    }

    /**
     * The error a command with subcommands gives when none was named: it lists the ones {@code --help}
     * lists, without hidden commands and aliases.
     *
     * @param spec the command that needs a subcommand
     * @param what what is missing, such as "command" or "benchmark"
     * @return the exception to throw
     */
    static ParameterException missing(CommandSpec spec, String what) {
        return new ParameterException(spec.commandLine(), "Missing " + what + ": expected one of "
                + String.join(", ", visibleCommands(spec)));
    }

    /**
     * The names of a command's subcommands that its usage lists, in its order.
     *
     * @param spec the command
     * @return the names, without hidden commands and aliases
     */
    static List<String> visibleCommands(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            CommandSpec subSpec = sub.getCommandSpec();
            if (!subSpec.usageMessage().hidden() && name.equals(subSpec.name())) {
                names.add(name);
            }
        });
        return names;
    }

    // A word where a command's name was expected: the command takes no positional parameters, only subcommands.
    private static boolean namedUnknownCommand(ParameterException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        return ex instanceof UnmatchedArgumentException unmatched && !visibleCommands(spec).isEmpty()
                && spec.positionalParameters().isEmpty()
                && unmatched.getUnmatched().stream().findFirst().filter(arg -> !arg.startsWith("-")).isPresent();
    }

    private static String seeHelp(CommandLine command) {
        return "See '" + command.getCommandSpec().qualifiedName(" ") + " --help'.";
    }

    /**
     * Maps a {@link RanksException} about the input to {@link #USAGE} with its message, and lets
     * anything else through.
     *
     * @param ex what the command threw
     * @param command the command that threw it
     * @param parseResult the parsed command line
     * @return {@link #USAGE}
     * @throws Exception {@code ex} itself when it is not about the input
     */
    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) throws Exception {
        if (ex instanceof RanksException re && aboutInput(re)) {
            PrintWriter err = command.getErr();
            err.println(re.getMessage());
            err.println(seeHelp(command));
            return USAGE;
        }
        throw ex;
    }

    private static boolean aboutInput(RanksException e) {
        return switch (e.errorClass()) {
            case USAGE, ARG, UNAVAILABLE, HOSTFILE -> true;
            default -> false;
        };
    }
}
