package dev.ranks.launcher;

import dev.ranks.collectives.Op;
import dev.ranks.workloads.bench.CollectiveBench;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code launcher bench allreduce}: osu_allreduce's table. */
@Command(name = "allreduce", description = "Allreduce latency per message size, on double arrays (as osu_allreduce).")
final class BenchAllreduceCommand extends BenchCollectiveCommand {
    @Option(names = "--op", paramLabel = "OP", defaultValue = "sum", converter = OpConverter.ForAllreduce.class,
            description = "The reduction: sum, prod, max or min. Default: ${DEFAULT-VALUE}.")
    private Op op;

    @Override
    CollectiveBench.Kind kind() {
        return CollectiveBench.Kind.ALLREDUCE;
    }

    @Override
    Op op() {
        return op;
    }

    @Override
    String sizeNote() {
        return "size: the bytes of each rank's vector, size / 8 doubles, reduced with "
                + op.name().toLowerCase(Locale.ROOT);
    }
}
