package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launcher worker --fifo DIR} in a process of its own serves {@code launcher fib --engine fifo}. */
class WorkerFifoIT {
    @TempDir
    Path tmp;

    @Test
    void aWorkerProcessServesFibAndStopsCleanlyOnSigterm() throws Exception {
        Path dir = tmp.resolve("pipes");
        Path log = tmp.resolve("worker.log");
        Process worker = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "worker", "--fifo", dir.toString(),
                "--concurrency", "2").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(log).contains("serves") && worker.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(log).contains("with 2 threads"), Files.readString(log));
            CliRun run = CliRun.of("fib", "30", "1000", "--engine", "fifo", "--fifo-dir", dir.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.outLines().get(1).matches("\\s*30\\s+6\\s+0\\s+[0-9.]+\\s+832040"), run::toString);
            assertTrue(run.outLines().get(run.outLines().size() - 1)
                    .startsWith("engine fifo: 2 tasks, 0 failed, 2 workers"), run::toString);
        } finally {
            worker.destroy();
            assertTrue(worker.waitFor(20, TimeUnit.SECONDS));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("requests"), files.map(p -> p.getFileName().toString()).toList(),
                    "the worker removed its marker on SIGTERM");
        }
    }
}
