package dev.ranks.launcher;

import dev.ranks.workloads.bench.PingPongOptions;
import picocli.CommandLine.Option;

/** The options of the ping-pong benchmarks. */
final class PingPongMixin {
    @Option(names = "--min-size", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            defaultValue = "" + PingPongOptions.DEFAULT_MIN_SIZE,
            description = "Smallest message; sizes double from here. Default: ${DEFAULT-VALUE}.")
    private int minSize;

    @Option(names = "--max-size", paramLabel = "BYTES", converter = ByteSizeConverter.class, defaultValue = "16m",
            description = "Largest message (suffixes k, m, g). Default: ${DEFAULT-VALUE}.")
    private int maxSize;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + PingPongOptions.DEFAULT_ITERATIONS,
            description = "Timed round trips per size up to 8k; larger sizes run proportionally fewer, "
                    + "at least 50. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + PingPongOptions.DEFAULT_WARMUP,
            description = "Untimed round trips before the timed ones, scaled down likewise. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    /**
     * @return the options given
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) naming a bad value
     */
    PingPongOptions options() {
        return new PingPongOptions(minSize, maxSize, iterations, warmup);
    }
}
