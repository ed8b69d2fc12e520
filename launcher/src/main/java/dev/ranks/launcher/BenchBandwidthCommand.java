package dev.ranks.launcher;

import dev.ranks.launcher.PingPongTable.Column;
import dev.ranks.workloads.bench.PingPongRow;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code launcher bench bw}: bandwidth per message size from the ping-pong harness. */
@Command(name = "bw",
        description = "Ping-pong between ranks 0 and 1: bandwidth 2 * size / round-trip time per message size.")
final class BenchBandwidthCommand extends PingPongCommand {
    @Override
    Table beforeRanks(Steps steps) {
        return (out, comm, reference, rows) -> PingPongTable.print(out, comm, notes(comm.settings().device()),
                List.of(new Column("MiB/s", PingPongRow::bandwidthMiBps),
                        new Column("copy MiB/s", PingPongRow::copyMiBps),
                        new Column("% of copy", row -> 100 * row.bandwidthMiBps() / row.copyMiBps())),
                reference, rows);
    }

    @Override
    Figure figure() {
        return new Figure("bandwidth (MiB/s)", PingPongRow::bandwidthMiBps, "OpenMPI MiB/s",
                OpenMpiPingPong.Row::bandwidthMiBps);
    }

    /** What the columns hold; on the local device, why {@code % of copy} passes 100 for large messages. */
    static List<String> notes(String device) {
        List<String> notes = new ArrayList<>(List.of(
                "MiB/s: 2 * size / median round-trip time, in MiB (2^20 bytes) per second",
                "copy MiB/s: System.arraycopy of the same size by one thread on rank 0 in this run;"
                        + " % of copy = MiB/s / copy MiB/s"));
        if (device.equals("local")) {
            notes.add("% of copy passes 100 from 1 MiB up: the local device splits a copy that large between the"
                    + " two ranks' cores (docs/local-device.md), so up to twice one thread's copy");
        }
        return notes;
    }
}
