package dev.ranks.launcher;

import dev.ranks.workloads.bench.CollectiveBench;
import picocli.CommandLine.Command;

/** {@code launcher bench allgather}: osu_allgather's table. */
@Command(name = "allgather", description = "Allgather latency per message size (as osu_allgather).")
final class BenchAllgatherCommand extends BenchCollectiveCommand {
    @Override
    CollectiveBench.Kind kind() {
        return CollectiveBench.Kind.ALLGATHER;
    }

    @Override
    String sizeNote() {
        return "size: the bytes each rank contributes (byte[]), so each rank receives size x ranks";
    }
}
