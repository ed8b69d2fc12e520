package dev.ranks.launcher;

import dev.ranks.launcher.PingPongTable.Column;
import dev.ranks.workloads.bench.PingPong;
import dev.ranks.workloads.bench.PingPongOptions;
import dev.ranks.workloads.bench.PingPongRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher bench bw}: bandwidth per message size from the ping-pong harness. */
@Command(name = "bw",
        description = "Ping-pong between ranks 0 and 1: bandwidth 2 * size / round-trip time per message size.")
final class BenchBandwidthCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PingPongMixin pingPong;

    @Override
    public Integer call() {
        PingPongOptions options = pingPong.options();
        PrintWriter out = spec.commandLine().getOut();
        return bench.job().run(spec, PingPong.MIN_RANKS, comm -> {
            List<PingPongRow> rows = PingPong.run(comm, options);
            if (comm.rank() == 0) {
                PingPongTable.print(out, comm, List.of(
                        "MiB/s: 2 * size / median round-trip time, in MiB (2^20 bytes) per second",
                        "copy MiB/s: System.arraycopy of the same size on rank 0 in this run, the limit of a"
                                + " one-copy transport; % of copy = MiB/s / copy MiB/s"),
                        List.of(new Column("MiB/s", PingPongRow::bandwidthMiBps),
                                new Column("copy MiB/s", PingPongRow::copyMiBps),
                                new Column("% of copy", row -> 100 * row.bandwidthMiBps() / row.copyMiBps())),
                        rows);
            }
        });
    }
}
