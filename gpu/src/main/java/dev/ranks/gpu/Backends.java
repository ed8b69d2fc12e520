package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Finds the registered {@link ComputeBackend}s and chooses between them. {@code auto} takes the first
 * of: a CUDA device, an OpenCL GPU, an OpenCL CPU device (PoCL), the Java backend, which is always
 * there. Probes run once per JVM, on first use.
 */
public final class Backends {
    /** The name that asks for the automatic choice. */
    public static final String AUTO = "auto";

    /** The order {@code gpu info} lists backends in, which is also the order {@code auto} tries them. */
    private static final List<String> ORDER = List.of("cuda", "opencl", "aparapi", "java");

    private Backends() {
    }

    /**
     * Every registered backend, CUDA, OpenCL, Aparapi and Java first, others after by name.
     *
     * @return the backends, loaded once per JVM
     */
    public static List<ComputeBackend> all() {
        return Loaded.BACKENDS;
    }

    /**
     * The backend with a name.
     *
     * @param name such as {@code opencl}
     * @return that backend, available or not
     * @throws RanksException ({@code ARG}) when no backend has the name
     */
    public static ComputeBackend named(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new RanksException(ErrorClass.ARG, "backend '" + name + "': expected " + AUTO
                        + " or one of " + all().stream().map(ComputeBackend::name).toList()));
    }

    /**
     * Chooses a backend and its devices: {@code auto}, or a backend by name, which must then be available.
     *
     * @param choice {@code auto} or a backend's name
     * @return the backend and the devices ranks should spread over
     * @throws RanksException ({@code ARG}) for an unknown name; ({@code UNAVAILABLE}) for a named backend
     *     that is unavailable or has no device, with the probe's reason
     */
    public static Selection select(String choice) {
        String name = choice.toLowerCase(Locale.ROOT);
        if (!AUTO.equals(name)) {
            ComputeBackend backend = named(name);
            Availability availability = backend.availability();
            if (!availability.available()) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "backend " + name + " is unavailable: "
                        + availability.detail());
            }
            if (backend.devices().isEmpty()) {
                throw new RanksException(ErrorClass.UNAVAILABLE, "backend " + name + " has no device");
            }
            return new Selection(backend, backend.devices());
        }
        List<Selection> candidates = new ArrayList<>();
        candidate(candidates, "cuda", d -> true);
        candidate(candidates, "opencl", d -> d.type() == DeviceType.GPU);
        candidate(candidates, "opencl", d -> d.type() == DeviceType.CPU);
        candidate(candidates, "java", d -> true);
        if (candidates.isEmpty()) {
            throw new RanksException(ErrorClass.UNAVAILABLE, "no backend is available, not even java");
        }
        return candidates.get(0);
    }

    private static void candidate(List<Selection> candidates, String name, Predicate<DeviceInfo> wanted) {
        if (!candidates.isEmpty()) {
            return;
        }
        all().stream().filter(b -> b.name().equals(name) && b.availability().available()).findFirst().ifPresent(b -> {
            List<DeviceInfo> devices = b.devices().stream().filter(wanted).toList();
            if (!devices.isEmpty()) {
                candidates.add(new Selection(b, devices));
            }
        });
    }

    // Holder idiom: the ServiceLoader scan runs on first use, once.
    private static final class Loaded {
        static final List<ComputeBackend> BACKENDS = load();

        private static List<ComputeBackend> load() {
            List<ComputeBackend> found = new ArrayList<>();
            ServiceLoader.load(ComputeBackend.class, Backends.class.getClassLoader()).forEach(found::add);
            found.sort(Comparator.comparingInt((ComputeBackend b) -> {
                int at = ORDER.indexOf(b.name());
                return at < 0 ? ORDER.size() : at;
            }).thenComparing(ComputeBackend::name));
            return List.copyOf(found);
        }
    }
}
