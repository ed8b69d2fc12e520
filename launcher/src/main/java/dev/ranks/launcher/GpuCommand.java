package dev.ranks.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher gpu}: GPU offload, its backends and its kernels over ranks (docs/gpu.md). */
@Command(name = "gpu",
        synopsisSubcommandLabel = "COMMAND",
        description = {"GPU offload: lists the compute backends and runs kernels on them, each rank driving a device.",
            "Kernels split their input over the ranks (-n), check the gathered result against Java and print"
                + " transfer, kernel and Java times from the same run. 'build' compiles your own kernel file."},
        subcommands = {GpuInfoCommand.class, GpuVecaddCommand.class, GpuElementwiseCommand.class, GpuMatmulCommand.class,
            GpuReduceCommand.class, GpuBuildCommand.class, GpuBookCommand.class})
final class GpuCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    /**
     * Reached only without a subcommand: says which there are.
     *
     * @return never returns normally
     * @throws ParameterException always
     */
    @Override
    public Integer call() {
        throw ExitCodes.missing(spec, "command");
    }

    JobOptions job() {
        return launcher.job();
    }
}
