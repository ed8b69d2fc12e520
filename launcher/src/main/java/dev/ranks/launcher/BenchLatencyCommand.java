package dev.ranks.launcher;

import dev.ranks.launcher.PingPongTable.Column;
import dev.ranks.workloads.bench.PingPongRow;
import dev.ranks.workloads.bench.Reference;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code launcher bench latency}: osu_latency's table from the ping-pong harness. */
@Command(name = "latency",
        description = "Ping-pong between ranks 0 and 1 (as osu_latency): one-way latency per message size.")
final class BenchLatencyCommand extends PingPongCommand {
    @Override
    Table beforeRanks(Steps steps) {
        // Measured before the ranks start, so that they do not compete with it for the cores.
        steps.start("measuring the floor, a cache line bounced between two threads");
        double floor = Reference.cacheLineMicros();
        return (out, comm, reference, rows) -> PingPongTable.print(out, comm, List.of(
                        "latency(us): one-way time = median round-trip time / 2",
                        String.format(Locale.ROOT, "floor: one cache line bounced between two threads takes %.3f us"
                                + " one-way on this machine now; x floor = latency / floor", floor)),
                List.of(new Column("latency(us)", PingPongRow::latencyMicros),
                        new Column("x floor", row -> row.latencyMicros() / floor)),
                reference, rows);
    }

    @Override
    Figure figure() {
        return new Figure("one-way latency (us)", PingPongRow::latencyMicros, "OpenMPI(us)",
                OpenMpiPingPong.Row::latencyMicros);
    }
}
