package dev.ranks.launcher;

import dev.ranks.gpu.ReduceOp;
import dev.ranks.workloads.gpu.GpuBatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code launcher gpu reduce}: sum or max of a float vector, two stages per device, then across ranks. */
@Command(name = "reduce", description = "Sum or max of random floats: each rank's device reduces its chunk in two"
        + " stages (work groups, then their partials) and rank 0 combines the ranks' results.")
final class GpuReduceCommand implements Callable<Integer> {
    @Mixin
    private GpuOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000000",
            description = "Elements. Default: ${DEFAULT-VALUE}.")
    private int size;

    @Option(names = "--op", paramLabel = "OP", defaultValue = "sum", converter = ReduceOpConverter.class,
            description = "sum or max. Default: ${DEFAULT-VALUE}.")
    private ReduceOp op;

    @Override
    public Integer call() {
        if (op == ReduceOp.MAX && size == 0) {
            throw options.usage("--op max of --size 0: expected 1 or more elements");
        }
        return options.run(size, (ranks, heapBuffers) -> GpuBatch.Footprint.reduce(size, ranks, heapBuffers),
                (comm, run) -> GpuBatch.reduce(comm, run, op));
    }

    /** Reads sum or max. */
    static final class ReduceOpConverter extends GpuOptions.NameConverter<ReduceOp> {
        ReduceOpConverter() {
            super(ReduceOp.class, "sum or max");
        }
    }
}
