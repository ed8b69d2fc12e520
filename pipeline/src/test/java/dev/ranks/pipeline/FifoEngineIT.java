package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FIFO engine with its workers in processes of their own, started separately as a user would. */
class FifoEngineIT {
    @TempDir
    Path tmp;

    @Test
    void aWorkerProcessServesThisClientAndCleansUpOnSigterm() throws Exception {
        Path dir = tmp.resolve("pipes");
        Path log = tmp.resolve("worker.log");
        Process worker = startWorker(dir, 2, log);
        try {
            try (Engine client = Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir))) {
                assertEquals(2, client.workers());
                List<Call> calls = IntStream.range(0, 100).mapToObj(i -> Call.of("square", i)).toList();
                List<Outcome> outcomes = client.submit(calls).await();
                for (int i = 0; i < 100; i++) {
                    assertEquals((long) i * i, outcomes.get(i).value());
                    assertTrue(outcomes.get(i).worker().startsWith("worker-" + worker.pid() + "-"),
                            outcomes.get(i).worker());
                }
                assertEquals(200_000, ((String) client.submit(List.of(Call.of("big", 200_000))).await().get(0)
                        .value()).length());
            }
        } finally {
            worker.destroy();
            assertTrue(worker.waitFor(20, TimeUnit.SECONDS), "the worker stops on SIGTERM");
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("requests"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(log).contains("serves " + dir), Files.readString(log));
    }

    @Test
    void theCallsOfAWorkerKilledMidBatchAreSentAgainAndItsDeathReported() throws Exception {
        Path dir = tmp.resolve("pipes");
        Process victim = startWorker(dir, 1, tmp.resolve("victim.log"));
        Process survivor = startWorker(dir, 1, tmp.resolve("survivor.log"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        try (Engine client = Engines.open("fifo", EngineConfig.defaults().withFifoDir(dir)
                .withDiagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))) {
            Batch batch = client.submit(IntStream.range(0, 4).mapToObj(i -> Call.of("sleep", 700)).toList());
            Thread.sleep(350);
            victim.destroyForcibly();
            List<Outcome> outcomes = batch.await();
            outcomes.forEach(o -> assertEquals(700L, o.value()));
            assertTrue(outcomes.stream().allMatch(o -> o.worker().startsWith("worker-" + survivor.pid() + "-")
                    || o.attempts() == 1), outcomes.toString());
            // Whether the victim had acknowledged its call when it died or not, that call is sent again.
            assertTrue(outcomes.stream().anyMatch(o -> o.attempts() == 2), outcomes.toString());
            Summary summary = batch.summary();
            assertEquals(1, summary.deaths().size(), summary.deaths().toString());
            assertTrue(summary.deaths().get(0).startsWith("worker worker-" + victim.pid() + "-0 died"),
                    summary.deaths().toString());
            assertTrue(diagnostics.toString(StandardCharsets.UTF_8).contains("worker-" + victim.pid() + "-0 died"),
                    diagnostics.toString(StandardCharsets.UTF_8));
        } finally {
            survivor.destroy();
            assertTrue(survivor.waitFor(20, TimeUnit.SECONDS));
            victim.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Starts a worker process; its output goes to a log, as the fork's own stdout is the test framework's. */
    private static Process startWorker(Path dir, int threads, Path log) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), FifoWorker.class.getName(), dir.toString(), "" + threads)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && worker.isAlive()) {
            if (Files.readString(log).contains("serves")) {
                return worker;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the worker process did not start serving " + dir + ":\n" + Files.readString(log));
    }
}
