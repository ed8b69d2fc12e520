package dev.ranks.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One opened device per backend for a test class, so that PoCL compiles the catalog once. A backend
 * that is unavailable fails the test, except where its driver is simply not installed on this machine
 * (no OpenCL platform, no CUDA driver): then the test is skipped, saying so.
 */
final class OpenDevices implements AutoCloseable {
    private final Map<String, Device> open = new LinkedHashMap<>();

    Device of(String backend) {
        return open.computeIfAbsent(backend, name -> {
            ComputeBackend b = Backends.named(name);
            Availability a = b.availability();
            assumeTrue(a.available() || !driverMissing(name, a), () -> name + " skipped: " + a.detail());
            if (!a.available()) {
                throw new AssertionError(name + " is installed but unavailable: " + a.detail());
            }
            // The first device of the kind auto would pick: on a machine with PoCL, the CPU.
            return Backends.select(name).open(0);
        });
    }

    static boolean driverMissing(String backend, Availability a) {
        return switch (backend) {
            case "opencl", "aparapi" -> a.detail().contains("no OpenCL platform");
            case "cuda" -> a.detail().contains("no CUDA driver") || a.detail().contains("no CUDA device");
            default -> false;
        };
    }

    @Override
    public void close() {
        open.values().forEach(Device::close);
        open.clear();
    }
}
