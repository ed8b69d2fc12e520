package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.redis.CeleryClient;
import dev.ranks.pipeline.redis.CeleryWorker;
import dev.ranks.pipeline.redis.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' tasks in {@code launcher worker} processes: the real Celery client calls the example's
 * {@code tasks.collatz_steps} on a Ranks worker started with {@code --class-path}, a FIFO worker
 * serves it to {@code run-task --engine fifo}, the redis engine's own workers run it, and a worker
 * process given a broken jar exits 2 at start-up. The jars are compiled here, as in {@link UserTasksTest}.
 */
class UserTasksIT {
    @TempDir
    Path tmp;

    private RedisServer redis;
    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroy();
            if (!worker.waitFor(20, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private Process launcher(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        return process;
    }

    private static void awaitLog(Process worker, Path log, String text) throws Exception {
        assertTrue(ProcessLog.await(worker, log, text, Duration.ofSeconds(60)), Files.readString(log));
    }

    @Test
    void celerysClientCallsTheUsersTaskOnARanksWorker() throws Exception {
        Assumptions.assumeTrue(RedisServer.unavailableReason() == null, () -> "skipped: " + RedisServer.unavailableReason());
        Assumptions.assumeTrue(CeleryWorker.unavailableReason() == null, () -> "skipped: " + CeleryWorker.unavailableReason());
        redis = RedisServer.builder().start();
        Path jar = UserTaskJars.examples(tmp);
        Path log = tmp.resolve("worker.log");
        Process worker = launcher(log, "worker", "--broker", redis.url(), "-Q", "celery", "--concurrency", "2",
                "--max-retries", "0", "--class-path", jar.toString());
        awaitLog(worker, log, "consumes celery");
        assertTrue(Files.readString(log).contains("tasks: add, collatz_steps, crawl_page, crawl_task, fib, fibo_task, hello_world, sqrt, square, ")
                && Files.readString(log).contains("tasks.collatz_steps"), Files.readString(log));

        CeleryClient.Result ok = CeleryClient.call(redis.url(), "tasks.collatz_steps", "celery", "[27]", 2,
                Duration.ofSeconds(60));
        assertEquals(0, ok.exitCode(), ok::toString);
        assertEquals(List.of("111", "111"), ok.lines(), ok::toString);
        CeleryClient.Result bad = CeleryClient.call(redis.url(), "tasks.collatz_steps", "celery", "[0]", 1,
                Duration.ofSeconds(60));
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.errors().contains("collatz_steps argument 0 is invalid: expected a positive integer"),
                bad::toString);
        assertTrue(bad.errors().contains("dev.ranks.examples.CollatzTasks"), "the Java stack trace comes back: " + bad);
        assertTrue(worker.isAlive(), Files.readString(log));
    }

    @Test
    void theRedisEnginesOwnWorkersRunTheUsersTask() throws Exception {
        Assumptions.assumeTrue(RedisServer.unavailableReason() == null, () -> "skipped: " + RedisServer.unavailableReason());
        redis = RedisServer.builder().start();
        Path jar = UserTaskJars.examples(tmp);
        CliRun run = CliRun.of("run-task", "tasks.collatz_steps", "27", "--repeat", "2", "--engine", "redis", "--broker",
                redis.url(), "--workers", "2", "--class-path", jar.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("{\"task\":\"tasks.collatz_steps\",\"args\":[27],\"result\":111,"),
                run::toString);
        CliRun fib = CliRun.of("fib", "30", "--engine", "redis", "--broker", redis.url(), "--workers", "2",
                "--class-path", jar.toString());
        assertEquals(0, fib.exitCode(), fib::toString);
        assertTrue(fib.outLines().get(1).matches("\\s*30\\s+6\\s+\\d\\s+[0-9.]+\\s+832040"), fib::toString);
    }

    @Test
    void aFifoWorkerProcessServesTheUsersTask() throws Exception {
        Path jar = UserTaskJars.examples(tmp);
        Path dir = tmp.resolve("pipes");
        Path log = tmp.resolve("fifo-worker.log");
        Process worker = launcher(log, "worker", "--fifo", dir.toString(), "--concurrency", "2", "--class-path",
                jar.toString());
        awaitLog(worker, log, "serves");
        CliRun run = CliRun.of("run-task", "collatz_steps", "27", "--engine", "fifo", "--fifo-dir", dir.toString(),
                "--class-path", jar.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("{\"task\":\"collatz_steps\",\"args\":[27],\"result\":111,"
                + "\"worker\":\"worker-" + worker.pid() + "-"), run::toString);
    }

    @Test
    void aWorkerProcessGivenABrokenJarExitsTwoAtStartUp() throws Exception {
        Path fib = UserTaskJars.jar(tmp, "my-fib", Map.of("user.MyFib", UserTaskJars.provider("MyFib", "",
                Map.of("fib", "0L"), Map.of())), "user.MyFib\n");
        Path log = tmp.resolve("worker.log");
        Process worker = launcher(log, "worker", "--broker", "redis://127.0.0.1:1/0", "--class-path", fib.toString());
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), Files.readString(log));
        assertEquals(2, worker.exitValue(), Files.readString(log));
        String err = Files.readString(log);
        assertTrue(err.startsWith("task name 'fib' is registered twice, by dev.ranks.workloads.tasks.BuiltinTasks from "),
                err);
        assertTrue(err.contains(" and by user.MyFib from " + fib), err);
        assertFalse(err.contains("consumes") || err.contains("cannot be used"), "it stopped before the broker: " + err);
    }
}
