package dev.ranks.launcher;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads the job options a command must check against before its job starts, through picocli's
 * model of the command line: {@link JobOptions} owns them and they reach every command by
 * inheritance, so they are found under the same names on any subcommand.
 */
final class JobSize {
    private JobSize() {
    }

    /**
     * @param command the running command
     * @return the number of ranks asked for with {@code -n}, unchecked: {@link JobOptions} rejects
     *     values below 1 when the job starts
     */
    static int ranks(CommandSpec command) {
        OptionSpec np = command.findOption("--np");
        return np.getValue();
    }
}
