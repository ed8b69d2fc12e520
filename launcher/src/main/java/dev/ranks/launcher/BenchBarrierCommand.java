package dev.ranks.launcher;

import dev.ranks.workloads.bench.CollectiveBench;
import picocli.CommandLine.Command;

/** {@code launcher bench barrier}: osu_barrier's figure. */
@Command(name = "barrier", description = "Barrier latency (as osu_barrier): one row; the size options do not apply.")
final class BenchBarrierCommand extends BenchCollectiveCommand {
    @Override
    CollectiveBench.Kind kind() {
        return CollectiveBench.Kind.BARRIER;
    }

    @Override
    String sizeNote() {
        return "size: none, a barrier moves no data (the row says 0)";
    }
}
