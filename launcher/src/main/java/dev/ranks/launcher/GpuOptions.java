package dev.ranks.launcher;

import dev.ranks.gpu.Backends;
import dev.ranks.workloads.gpu.GpuBatch;
import picocli.CommandLine.Option;

/** The options every GPU kernel command shares, mixed into each. */
final class GpuOptions {
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "auto, cuda, opencl, aparapi or java; auto tries CUDA, an OpenCL GPU, an OpenCL CPU, then"
                    + " Java. Default: ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "Kernel runs per rank; the best is reported. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random input. Default: ${DEFAULT-VALUE}.")
    private long seed;

    /**
     * The run's settings; choosing the backend here, before any rank starts, makes an unknown or
     * unavailable one a usage error.
     */
    GpuBatch.Spec spec(int size) {
        return new GpuBatch.Spec(Backends.select(backend), size, repeat, seed);
    }
}
