package dev.ranks.launcher;

import dev.ranks.workloads.bench.CollectiveBench;
import picocli.CommandLine.Command;

/** {@code launcher bench alltoall}: osu_alltoall's table. */
@Command(name = "alltoall", description = "Alltoall latency per message size (as osu_alltoall).")
final class BenchAlltoallCommand extends BenchCollectiveCommand {
    @Override
    CollectiveBench.Kind kind() {
        return CollectiveBench.Kind.ALLTOALL;
    }

    @Override
    String sizeNote() {
        return "size: the bytes each rank sends to each rank (byte[]), so each rank sends size x ranks";
    }
}
