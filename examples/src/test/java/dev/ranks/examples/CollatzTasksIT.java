package dev.ranks.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CollatzTasks} as a user runs it: a real redis-server, a Ranks worker loading this
 * project's jar with {@code bin/launcher worker --class-path}, and Celery's own Python client
 * calling {@code tasks.collatz_steps}. Skips, saying why, without redis-server or Python's Celery.
 * The repository is the system property {@code ranks.root}, else the parent of the working
 * directory (this project's directory).
 */
class CollatzTasksIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void needsRedisAndCelery() {
        Assumptions.assumeTrue(runs("redis-server", "--version"), "skipped: redis-server is not installed"
                + " (Debian: apt-get install redis-server)");
        Assumptions.assumeTrue(runs(PYTHON.toString(), "-c", "import celery, redis"), "skipped: Python's Celery is not"
                + " installed (Debian: apt-get install python3-celery python3-redis)");
    }

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aCeleryClientGetsTheResultOfCollatzStepsFromARanksWorker() throws Exception {
        Path root = Path.of(System.getProperty("ranks.root", Path.of("").toAbsolutePath().getParent().toString()));
        Path launcher = root.resolve("bin/launcher");
        assertTrue(Files.isExecutable(launcher), "expected the Ranks launcher at " + launcher
                + " (set -Dranks.root=REPOSITORY)");
        Path jar = Path.of("target/ranks-examples.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "expected " + jar + ": run 'mvn verify', which packages it first");

        int port = freePort();
        String broker = "redis://127.0.0.1:" + port + "/0";
        Path redisLog = tmp.resolve("redis.log");
        Process redis = start(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", tmp.toString()), redisLog);
        awaitLine(redis, redisLog, "Ready to accept connections", 30);

        Path workerLog = tmp.resolve("worker.log");
        // The first use of bin/launcher may build the launcher with Maven: minutes, not seconds.
        Process worker = start(new ProcessBuilder(launcher.toString(), "worker", "--broker", broker, "--class-path",
                jar.toString(), "--concurrency", "2"), workerLog);
        awaitLine(worker, workerLog, "consumes", 600);
        assertTrue(Files.readString(workerLog).contains("tasks.collatz_steps"), Files.readString(workerLog));

        Path client = tmp.resolve("client.py");
        Files.writeString(client, String.join("\n",
                "import sys",
                "from celery import Celery",
                "app = Celery(broker=sys.argv[1], backend=sys.argv[1])",
                "print(app.send_task('tasks.collatz_steps', args=[27]).get(timeout=30))",
                "print(app.send_task('tasks.collatz_steps', args=[1]).get(timeout=30))",
                "try:",
                "    app.send_task('tasks.collatz_steps', args=[0]).get(timeout=30)",
                "except Exception as e:",
                "    print('error:', e)",
                ""));
        ProcessBuilder python = new ProcessBuilder(PYTHON.toString(), client.toString(), broker);
        python.environment().remove("PYTHONHOME");
        python.environment().remove("VIRTUAL_ENV");
        Path clientLog = tmp.resolve("client.log");
        Process run = python.redirectErrorStream(true).redirectOutput(clientLog.toFile()).start();
        started.add(run);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the Celery client ran over 2 minutes: " + logs());
        List<String> lines = Files.readAllLines(clientLog, StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), logs());
        assertEquals("111", lines.get(0), logs());
        assertEquals("0", lines.get(1), logs());
        assertTrue(lines.get(2).startsWith("error: ") && lines.get(2).contains(
                "collatz_steps argument 0 is invalid: expected a positive integer"), logs());
    }

    private Process start(ProcessBuilder builder, Path log) throws IOException {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    private void awaitLine(Process process, Path log, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(log).contains(text)) {
            assertTrue(process.isAlive(), "exited with " + (process.isAlive() ? "" : process.exitValue())
                    + " before saying '" + text + "': " + logs());
            assertTrue(System.nanoTime() < deadline, "did not say '" + text + "' within " + seconds + " s: " + logs());
            Thread.sleep(50);
        }
    }

    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                text.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
