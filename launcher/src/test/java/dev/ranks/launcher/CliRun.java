package dev.ranks.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the launcher with its stdout and stderr captured, ranks' lines included, on
 * the command line {@code main} builds for the arguments ({@link Launcher#commandLine(String...)}).
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(Launcher.commandLine(args), args);
    }

    /**
     * Runs a command line the caller built.
     *
     * @param launcher the launcher's command line; its writers are replaced
     * @param args what it executes
     * @return the run
     */
    static CliRun of(CommandLine launcher, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        launcher.setOut(new PrintWriter(out, true));
        launcher.setErr(new PrintWriter(err, true));
        int exitCode = launcher.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
