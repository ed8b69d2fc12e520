package dev.ranks.launcher;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.Selection;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code launcher gpu info}: every backend, its devices, and why an unavailable one is. */
@Command(name = "info", description = {"Lists every compute backend in the order auto tries them: its devices (name,"
        + " type, compute units, memory, version) or the reason it is unavailable; then what auto picks."})
final class GpuInfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ComputeBackend backend : Backends.all()) {
            Availability a = backend.availability();
            out.println(backend.name() + ": " + (a.available() ? "available, " : "unavailable: ") + a.detail());
            for (DeviceInfo d : backend.devices()) {
                out.printf(Locale.ROOT, "  %d: %s; %s, %d compute units, %s, %s%n", d.index(), d.name(),
                        d.type().name().toLowerCase(Locale.ROOT), d.computeUnits(), memory(d.memoryBytes()), d.version());
            }
        }
        Selection auto = Backends.select(Backends.AUTO);
        out.println("auto: " + auto.backend().name() + " (" + auto.devices().size() + " device"
                + (auto.devices().size() == 1 ? "" : "s") + ": " + auto.devices().stream()
                        .map(d -> d.index() + " " + d.name()).reduce((x, y) -> x + ", " + y).orElse("") + ")");
        out.flush();
        return 0;
    }

    private static String memory(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
