package dev.ranks.launcher;

import dev.ranks.gpu.MatmulVariant;
import dev.ranks.workloads.gpu.GpuBatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code launcher gpu matmul}: C = A B of square float matrices, a block of rows per rank. */
@Command(name = "matmul", description = {"Square matrix multiply C = A B of random floats: rank 0 broadcasts B and"
        + " scatters row blocks of A; each rank's device computes its rows of C, which rank 0 gathers and checks.",
    "Beyond 1024x1024 the Java times and the check cover the first rows only, and say so."})
final class GpuMatmulCommand implements Callable<Integer> {
    @Mixin
    private GpuOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1024",
            description = "The matrices' edge. Default: ${DEFAULT-VALUE}.")
    private int size;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "tiled", converter = VariantConverter.class,
            description = "naive, tiled (16x16 tiles in local/shared memory) or blocked (tiled, 4x4 elements of C per"
                    + " work item; opencl and cuda). Default: ${DEFAULT-VALUE}.")
    private MatmulVariant variant;

    @Override
    public Integer call() {
        if ((long) size * size > Integer.MAX_VALUE) {
            throw options.usage("--size " + size
                    + " is too large: expected at most 46340, so that a matrix fits one Java array");
        }
        return options.run(size, (ranks, heapBuffers) -> GpuBatch.Footprint.matmul(size, ranks, heapBuffers),
                (comm, run) -> GpuBatch.matmul(comm, run, variant));
    }

    /** Reads naive or tiled. */
    static final class VariantConverter extends GpuOptions.NameConverter<MatmulVariant> {
        VariantConverter() {
            super(MatmulVariant.class, "naive, tiled or blocked");
        }
    }
}
