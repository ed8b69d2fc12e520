package dev.ranks.launcher;

import dev.ranks.collectives.Algorithm;
import dev.ranks.collectives.Collective;
import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.collectives.Requirement;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options every job shares. Mixed into the top command with {@link ScopeType#INHERIT}, so
 * {@code launcher -n 9 p2p} and {@code launcher p2p -n 9} both set the one instance here.
 */
final class JobOptions {
    @Option(names = {"-n", "--np"}, paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Number of ranks. Default: the number of available processors.")
    private int np = Runtime.getRuntime().availableProcessors();

    @Option(names = "--device", paramLabel = "NAME", scope = ScopeType.INHERIT, defaultValue = "local",
            description = "Where the ranks run: local (threads in this JVM). Default: ${DEFAULT-VALUE}.")
    private String device;

    @Option(names = "--eager-limit", paramLabel = "BYTES", scope = ScopeType.INHERIT,
            converter = ByteSizeConverter.class,
            description = "Messages up to this size are sent eagerly; larger ones wait for the matching receive. "
                    + "Suffixes k, m, g multiply by 1024. Default: ${DEFAULT-VALUE}.")
    private int eagerLimit = Settings.DEFAULT_EAGER_LIMIT;

    @Option(names = "--coll", paramLabel = "CHOICES", scope = ScopeType.INHERIT,
            description = "Force collective algorithms, e.g. bcast=binomial,allreduce=ring "
                    + "(see docs/collectives.md for the names). Default: chosen per call by size.")
    private String collectives;

    /**
     * Runs a job with these options and reports how it ended.
     *
     * @param command the command running it: its name goes into errors, its writers get the report
     * @param minRanks the fewest ranks the command needs
     * @param main what each rank runs
     * @return the exit code, from {@link ExitCodes#report(JobResult, java.io.PrintWriter)}
     * @throws ParameterException when {@code -n} is below 1 or below {@code minRanks}, or {@code --coll}
     *     names an algorithm that cannot run on that many ranks
     */
    int run(CommandSpec command, int minRanks, IntracommMain main) {
        CommandLine commandLine = command.commandLine();
        Map<Collective, Algorithm> forced = forcedAlgorithms(commandLine);
        int ranks = ranks(commandLine, minRanks);
        checkForcedAlgorithms(commandLine, forced, ranks);
        Settings settings = Settings.defaults().withDevice(device).withEagerLimit(eagerLimit)
                .withCollectives(Algorithm.labels(forced));
        JobResult result = Intracomm.run(ranks, settings, main);
        return ExitCodes.report(result, commandLine.getErr());
    }

    private int ranks(CommandLine command, int minRanks) {
        if (np < 1) {
            throw new ParameterException(command, "-n must be at least 1, got " + np);
        }
        if (np < minRanks) {
            throw new ParameterException(command, commandName(command) + " needs at least " + minRanks
                    + " ranks, got -n " + np);
        }
        return np;
    }

    // The launcher's commands run their collectives on the world communicator, so an algorithm
    // that needs a power-of-two size cannot run there: say so now, as bad input, rather than as a
    // rank failing at its first call.
    private static void checkForcedAlgorithms(CommandLine command, Map<Collective, Algorithm> forced, int ranks) {
        for (Algorithm a : forced.values()) {
            if (a.requirements().contains(Requirement.POWER_OF_TWO) && Integer.bitCount(ranks) != 1) {
                throw new ParameterException(command, "--coll " + a.collective().label() + "=" + a.label()
                        + " requires a power-of-two number of ranks, got -n " + ranks);
            }
        }
    }

    private Map<Collective, Algorithm> forcedAlgorithms(CommandLine command) {
        try {
            return Algorithm.parse(collectives);
        } catch (RanksException e) {
            throw new ParameterException(command, "--coll: " + e.getMessage());
        }
    }

    private static String commandName(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        String root = command.getCommandSpec().root().name();
        return qualified.substring(root.length()).strip();
    }
}
