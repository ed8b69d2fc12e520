package dev.ranks.launcher;

import dev.ranks.workloads.gpu.GpuBatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code launcher gpu vecadd}: c = a + b over float vectors split in chunks over the ranks. */
@Command(name = "vecadd", description = "Vector add c = a + b of random floats, a chunk per rank.")
final class GpuVecaddCommand implements Callable<Integer> {
    @Mixin
    private GpuOptions options;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10000000",
            description = "Elements per vector. Default: ${DEFAULT-VALUE}.")
    private int size;

    @Override
    public Integer call() {
        return options.run(size, (ranks, heapBuffers) -> GpuBatch.Footprint.vectors(size, 2, ranks, heapBuffers),
                GpuBatch::vecAdd);
    }
}
