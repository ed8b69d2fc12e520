package dev.ranks.launcher;

import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.workloads.gpu.GpuBatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code launcher gpu elementwise}: a kernel from an expression, like PyOpenCL's ElementwiseKernel. */
@Command(name = "elementwise", description = {"An element-wise kernel built from an assignment over float vectors,"
        + " such as \"c = a * b + sin(a)\": every name read is an input of random floats, a chunk per rank.",
    "Functions: sin cos tan asin acos atan sinh cosh tanh exp log log10 sqrt abs floor ceil pow min max atan2."})
final class GpuElementwiseCommand implements Callable<Integer> {
    @Mixin
    private GpuOptions options;

    @Parameters(paramLabel = "EXPR", arity = "0..1", defaultValue = "c = a * b + sin(a)",
            description = "The assignment. Default: ${DEFAULT-VALUE}.")
    private String expression;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000000",
            description = "Elements per vector. Default: ${DEFAULT-VALUE}.")
    private int size;

    @Override
    public Integer call() {
        Elementwise kernel = Elementwise.parse(expression, ElementType.FLOAT);
        return options.run(size, (ranks, heapBuffers) -> GpuBatch.Footprint.vectors(size, kernel.inputs().size(), ranks,
                heapBuffers), (comm, run) -> GpuBatch.elementwise(comm, run, kernel));
    }
}
