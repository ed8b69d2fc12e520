package dev.ranks.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code launcher gpu book}: the books' GPU recipes, each printing what its book prints (docs/gpu.md). */
@Command(name = "book", synopsisSubcommandLabel = "RECIPE",
        description = {"The books' GPU recipes (PyCUDA, PyOpenCL, Numba), one command each: runs the book's"
                + " computation on one device of the chosen backend, checks it against Java, and prints the inputs and"
                + " results in numpy's layout, as the book does, then the kernel and transfer times."},
        subcommands = {GpuBookDoubleCommand.class, GpuBookMatmulCommand.class, GpuBookVecsumCommand.class,
            GpuBookElementwiseCommand.class, GpuBookReduceCommand.class, GpuBookMatmul10Command.class,
            GpuBookGpuarrayCommand.class, GpuBookDotCommand.class, GpuBookEvaluateCommand.class})
final class GpuBookCommand implements Callable<Integer> {
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
        throw ExitCodes.missing(spec, "recipe");
    }
}
