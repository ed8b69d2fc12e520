package dev.ranks.launcher;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
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
     * Prints the error, picocli's suggestions for a mistyped name, and the usage, which lists the
     * commands.
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
        command.usage(err);
        return USAGE;
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
            err.println("See '" + command.getCommandSpec().qualifiedName(" ") + " --help'.");
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
