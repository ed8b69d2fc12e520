package dev.ranks.launcher;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.Selection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code launcher gpu info}: every backend, its devices, and why an unavailable one is. */
@Command(name = "info", description = {"Lists every compute backend in the order auto tries them: its devices (name,"
        + " type, compute units, memory, version; then compute capability (CUDA), clock, local and constant memory and"
        + " max work-group size, where the backend reports them) or the reason it is unavailable; then what auto picks."})
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
                String limits = limits(d.limits());
                if (!limits.isEmpty()) {
                    out.println("     " + limits);
                }
            }
        }
        Selection auto = Backends.select(Backends.AUTO);
        out.println("auto: " + auto.backend().name() + " (" + auto.devices().size() + " device"
                + (auto.devices().size() == 1 ? "" : "s") + ": " + auto.devices().stream()
                        .map(d -> d.index() + " " + d.name()).reduce((x, y) -> x + ", " + y).orElse("") + ")");
        out.flush();
        return 0;
    }

    /** The limits the books' device queries list, those the backend knows, or empty. */
    static String limits(DeviceInfo.Limits l) {
        List<String> parts = new ArrayList<>();
        if (!l.computeCapability().isEmpty()) {
            parts.add("compute capability " + l.computeCapability());
        }
        if (l.clockMHz() > 0) {
            parts.add("clock " + l.clockMHz() + " MHz");
        }
        if (l.localMemoryBytes() >= 0) {
            parts.add("local memory " + kib(l.localMemoryBytes()));
        }
        if (l.constantMemoryBytes() >= 0) {
            parts.add("constant memory " + kib(l.constantMemoryBytes()));
        }
        if (l.maxWorkGroupSize() > 0) {
            parts.add("max work-group size " + l.maxWorkGroupSize());
        }
        return String.join(", ", parts);
    }

    private static String kib(long bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static String memory(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
