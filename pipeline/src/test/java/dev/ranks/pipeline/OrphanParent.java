package dev.ranks.pipeline;

import java.util.List;

/**
 * A parent JVM for {@link ProcessesEngineIT}: opens a processes engine, prints its workers' pids,
 * and waits to be killed without closing it.
 */
public final class OrphanParent {
    private OrphanParent() {
    }

    /**
     * Opens the engine and blocks.
     *
     * @param args unused
     * @throws InterruptedException never in practice: the test kills this JVM
     */
    public static void main(String[] args) throws InterruptedException {
        ProcessesEngine engine = new ProcessesEngine(EngineConfig.defaults().withWorkers(2));
        engine.submit(List.of(Call.of("echo", 1), Call.of("echo", 2))).await();
        System.out.println("pids " + engine.workerPids().get(0) + " " + engine.workerPids().get(1));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
