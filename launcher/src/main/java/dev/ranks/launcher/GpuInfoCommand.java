package dev.ranks.launcher;

import dev.ranks.gpu.Availability;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.ComputeBackend;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.Selection;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launcher gpu info}: every backend, its devices, and why an unavailable one is; with {@code --book}, the
 * Cookbook's device query instead, line for line.
 */
@Command(name = "info", description = {"Lists every compute backend in the order auto tries them: its devices (name,"
        + " type, compute units, memory, version; then compute capability (CUDA), clock, local and constant memory and"
        + " max work-group size, where the backend reports them) or the reason it is unavailable; then what auto picks.",
    "--book pyopencl prints deviceInfoPyopencl.py's listing of every OpenCL platform and device; --book pycuda"
        + " dealingWithPycuda.py's of the CUDA devices (the Cookbook, ch. 8)."})
final class GpuInfoCommand implements Callable<Integer> {
    /** PyOpenCL's {@code cl.device_type} constants, OpenCL's {@code CL_DEVICE_TYPE_*} bits. */
    private static final Map<String, Long> CL_DEVICE_TYPES = Map.of("ACCELERATOR", 8L, "ALL", 0xFFFFFFFFL, "CPU", 2L,
            "CUSTOM", 16L, "DEFAULT", 1L, "GPU", 4L);

    @Spec
    private CommandSpec spec;

    @Option(names = "--book", paramLabel = "BOOK", converter = PyBook.Converter.class,
            description = "Print the Cookbook's device query instead: pyopencl or pycuda.")
    private PyBook book;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (book == PyBook.PYOPENCL) {
            pyopencl(out, Backends.select("opencl").devices());
            return 0;
        }
        if (book == PyBook.PYCUDA) {
            pycuda(out, Backends.select("cuda").devices());
            return 0;
        }
        for (ComputeBackend backend : Backends.all()) {
            Availability a = backend.availability();
            out.println(backend.name() + ": " + (a.available() ? "available, " : "unavailable: ") + a.detail());
            for (DeviceInfo d : backend.devices()) {
                out.println("  " + describe(d));
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

    /**
     * {@code deviceInfoPyopencl.py}'s output: each platform's name, vendor, version and profile, then each of its
     * devices under a rule of 56 dashes, the sizes divided as the script divides them and rounded as Python's
     * {@code {0:.0f}} rounds, half to even. {@code gpu book evaluate} prints it too, as {@code
     * testApplicationPyopencl.py} calls the script's {@code print_device_info()}.
     */
    static void pyopencl(PrintWriter out, List<DeviceInfo> devices) {
        out.println();
        out.println("=".repeat(60));
        out.println("OpenCL Platforms and Devices");
        out.println("=".repeat(60));
        int platform = -1;
        for (DeviceInfo d : devices) {
            DeviceInfo.OpenCl cl = d.opencl();
            if (cl.platformIndex() != platform) {
                platform = cl.platformIndex();
                out.println("Platform - Name:  " + cl.platformName());
                out.println("Platform - Vendor:  " + cl.platformVendor());
                out.println("Platform - Version:  " + cl.platformVersion());
                out.println("Platform - Profile:  " + cl.platformProfile());
            }
            DeviceInfo.Limits l = d.limits();
            out.println("    " + "-".repeat(56));
            out.println("    Device - Name:  " + d.name());
            out.println("    Device - Type:  " + deviceTypeName(cl.typeBits()));
            out.println("    Device - Max Clock Speed:  " + l.clockMHz() + " Mhz");
            out.println("    Device - Compute Units:  " + d.computeUnits());
            out.println("    Device - Local Memory:  " + pythonRounded(l.localMemoryBytes() / 1024.0) + " KB");
            out.println("    Device - Constant Memory:  " + pythonRounded(l.constantMemoryBytes() / 1024.0) + " KB");
            out.println("    Device - Global Memory: " + pythonRounded(d.memoryBytes() / 1073741824.0) + " GB");
            out.println("    Device - Max Buffer/Image Size: " + pythonRounded(l.maxAllocationBytes() / 1048576.0) + " MB");
            out.println("    Device - Max Work Group Size: " + pythonRounded(l.maxWorkGroupSize()));
        }
        // the script ends with print('\n'): a newline and print's own
        out.println();
        out.println();
        out.flush();
    }

    /**
     * {@code dealingWithPycuda.py}'s output: the count, then each device's name, compute capability and memory (the
     * script's {@code total_memory()//1024}). Apart from the probe so that the layout is tested without a GPU.
     */
    static void pycuda(PrintWriter out, List<DeviceInfo> devices) {
        out.println(devices.size() + " device(s) found.");
        for (DeviceInfo d : devices) {
            out.println("Device #" + d.index() + ": " + d.name());
            out.println(" Compute Capability: " + d.limits().computeCapability());
            out.println(" Total Memory: " + d.memoryBytes() / 1024 + " KB");
        }
        out.flush();
    }

    /**
     * One device as {@code gpu info} lists it: index, name, type, compute units, memory and version.
     *
     * @param d the device
     * @return the line, without indent
     */
    static String describe(DeviceInfo d) {
        return String.format(Locale.ROOT, "%d: %s; %s, %d compute units, %s, %s", d.index(), d.name(),
                d.type().name().toLowerCase(Locale.ROOT), d.computeUnits(), memory(d.memoryBytes()), d.version());
    }

    /**
     * PyOpenCL's {@code cl.device_type.to_string(device.type)}: the constants equal to the bits or sharing one with
     * them, in {@code dir()}'s alphabetical order, joined by {@code " | "}; {@code ALL} has every bit, so a GPU is
     * {@code ALL | GPU}.
     */
    static String deviceTypeName(long bits) {
        return CL_DEVICE_TYPES.entrySet().stream().filter(e -> e.getValue() == bits || (e.getValue() & bits) != 0)
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(" | "));
    }

    /** Python's {@code '{0:.0f}'.format(value)}: the double's exact value rounded half to even. */
    static String pythonRounded(double value) {
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
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
