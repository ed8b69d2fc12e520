package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.MapBy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Reads the job options every command inherits ({@code -n}, {@code --hostfile}, {@code --map-by},
 * {@code --daemon-port}, declared once in {@link JobOptions}) from the commands that only look at hosts and run no job.
 * They go through picocli's model by option name: a command that declared an option of the same
 * name itself would make picocli refuse to build the launcher at all.
 */
final class SharedOptions {
    private SharedOptions() {
    }

    /**
     * Reads and parses the hostfile named by {@code --hostfile}.
     *
     * @param spec the running command
     * @return the parsed hostfile
     * @throws RanksException of class {@link ErrorClass#USAGE} if no {@code --hostfile} was given,
     *     or of class {@link ErrorClass#HOSTFILE} if it cannot be read or parsed
     */
    static Hostfile hostfile(CommandSpec spec) {
        Object value = value(spec, "--hostfile");
        if (value == null || value.toString().isBlank()) {
            throw new RanksException(ErrorClass.USAGE, commandName(spec)
                    + " needs --hostfile FILE: expected a hostfile naming the hosts, e.g. hostfiles/examples/localhost.hosts");
        }
        return Hostfile.read(value instanceof Path path ? path : Path.of(value.toString()));
    }

    /**
     * Reads {@code --map-by}.
     *
     * @param spec the running command
     * @return the mapping policy; {@link MapBy#SLOT} when none was given
     * @throws RanksException of class {@link ErrorClass#USAGE} if the value is not a policy
     */
    static MapBy mapBy(CommandSpec spec) {
        Object value = value(spec, "--map-by");
        if (value == null) {
            return MapBy.SLOT;
        }
        if (value instanceof MapBy mapBy) {
            return mapBy;
        }
        try {
            return MapBy.valueOf(value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RanksException(ErrorClass.USAGE, "--map-by " + value + ": expected slot or node");
        }
    }

    /**
     * Reads {@code --daemon-port}, the port of the MPJ Express daemons on every host.
     *
     * @param spec the running command
     * @return the port; MPJ Express's 40055 unless given
     */
    static int daemonPort(CommandSpec spec) {
        Object value = value(spec, "--daemon-port");
        return value instanceof Integer port ? port : MpjDaemonProbe.DEFAULT_PORT;
    }

    /**
     * Reads {@code -n} when it was given on the command line, before or after the command's name.
     *
     * @param spec the running command
     * @return the number of ranks asked for, or empty when {@code -n} was not given
     */
    static OptionalInt ranks(CommandSpec spec) {
        for (ParseResult result = spec.root().commandLine().getParseResult(); result != null;
                result = result.subcommand()) {
            if (result.hasMatchedOption("-n")) {
                Object value = value(spec, "-n");
                return value instanceof Integer n ? OptionalInt.of(n) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static Object value(CommandSpec spec, String name) {
        OptionSpec option = Optional.ofNullable(spec.findOption(name)).orElseGet(() -> spec.root().findOption(name));
        if (option == null) {
            throw new RanksException(ErrorClass.INTERNAL, "the launcher has no option " + name
                    + ": expected JobOptions to declare it for every command");
        }
        return option.getValue();
    }

    private static String commandName(CommandSpec spec) {
        return spec.qualifiedName(" ");
    }
}
