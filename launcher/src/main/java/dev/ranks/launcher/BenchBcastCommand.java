package dev.ranks.launcher;

import dev.ranks.workloads.bench.CollectiveBench;
import picocli.CommandLine.Command;

/** {@code launcher bench bcast}: osu_bcast's table. */
@Command(name = "bcast", description = "Broadcast latency from rank 0 per message size (as osu_bcast).")
final class BenchBcastCommand extends BenchCollectiveCommand {
    @Override
    CollectiveBench.Kind kind() {
        return CollectiveBench.Kind.BCAST;
    }

    @Override
    String sizeNote() {
        return "size: the bytes rank 0 broadcasts (byte[])";
    }
}
