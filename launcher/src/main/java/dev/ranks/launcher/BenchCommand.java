package dev.ranks.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher bench}: groups the micro-benchmarks. */
@Command(name = "bench",
        synopsisSubcommandLabel = "BENCHMARK",
        description = "Micro-benchmarks in the style of the OSU benchmarks; rank 0 prints a table.",
        subcommands = {BenchLatencyCommand.class, BenchBandwidthCommand.class, BenchBcastCommand.class,
            BenchAllreduceCommand.class, BenchBarrierCommand.class, BenchAlltoallCommand.class,
            BenchAllgatherCommand.class, BenchCrawlCommand.class,
            BenchQueueCommand.class, BenchGpuCommand.class, BenchPlotCommand.class})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    /**
     * Reached only without a benchmark: says which there are.
     *
     * @return never returns normally
     * @throws ParameterException always
     */
    @Override
    public Integer call() {
        throw ExitCodes.missing(spec, "benchmark");
    }

    JobOptions job() {
        return launcher.job();
    }
}
