package dev.ranks.gpu;

/** Prints every backend's probe, one line each; {@link BackendsTest} runs it in a JVM of its own. */
final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        for (ComputeBackend b : Backends.all()) {
            Availability a = b.availability();
            System.out.println(b.name() + " " + (a.available() ? "available" : "unavailable") + ": " + a.detail());
        }
        System.out.println("auto " + Backends.select(Backends.AUTO).backend().name());
    }
}
