package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryClient;
import dev.ranks.pipeline.redis.CeleryWorker;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.RedisWorker;
import dev.ranks.pipeline.redis.WorkerOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the real Celery 5 (Debian's python3-celery) on one real redis-server:
 * Celery's client calls Ranks workers, and Ranks' client calls a Celery worker.
 */
class CeleryInteropIT {
    private static RedisServer redis;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(RedisServer.unavailableReason() == null, () -> "skipped: " + RedisServer.unavailableReason());
        Assumptions.assumeTrue(CeleryWorker.unavailableReason() == null, () -> "skipped: " + CeleryWorker.unavailableReason());
        redis = RedisServer.builder().start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void celerysClientCallsRanksWorkers() {
        try (RedisWorker worker = RedisWorker.start(BrokerUrl.parse(redis.url()),
                WorkerOptions.defaults(List.of("fibo_queue", "sqrt_queue"), 2).withRetries(0, Duration.ofMillis(10)),
                TaskRegistry.load(), System.err)) {
            CeleryClient.Result fib = CeleryClient.run(redis.url(), Duration.ofSeconds(60),
                    "tasks.fibo_task", "fibo_queue", "[30]", "--delay");
            assertEquals(0, fib.exitCode(), fib::toString);
            assertEquals(1, fib.lines().size(), fib::toString);
            assertTrue(fib.lines().get(0).matches("\\[30, \"The Fibonacci calculated with task id [0-9a-f-]{36} was"
                    + " 832040\"]"), fib::toString);
            CeleryClient.Result big = CeleryClient.call(redis.url(), "tasks.fibo_task", "fibo_queue", "[300]", 3,
                    Duration.ofSeconds(60));
            assertEquals(3, big.lines().size(), big::toString);
            assertTrue(big.lines().stream().allMatch(line -> line.matches("\\[300, \"The Fibonacci calculated with task"
                    + " id [0-9a-f-]{36} was 222232244629420445529739893461909967206666939096499764990979600\"]")),
                    big::toString);
            CeleryClient.Result failed = CeleryClient.call(redis.url(), "tasks.sqrt_task", "sqrt_queue", "[-1]", 1,
                    Duration.ofSeconds(60));
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.errors().contains("sqrt argument -1 is invalid"), failed::toString);
            assertTrue(failed.errors().contains("dev.ranks"), "the Java stack trace comes back: " + failed);
            assertEquals(4, worker.counts().succeeded());
        }
    }

    @Test
    void ranksSubmitIsRunByACeleryWorker() {
        try (CeleryWorker celery = CeleryWorker.start(redis.url(), List.of("celery_side"), 2)) {
            CliRun run = CliRun.of("submit", "tasks.fibo_task", "30", "--queue", "celery_side", "--broker", redis.url(),
                    "--wait", "--result-timeout", "60s");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().matches("\\{\"id\":\"([0-9a-f-]{36})\",\"status\":\"SUCCESS\",\"result\":\\[30,\"The"
                    + " Fibonacci calculated with task id \\1 was 832040\"]}\\s*"), run::toString);
            CliRun failing = CliRun.of("submit", "tasks.sqrt_task", "\"x\"", "--queue", "celery_side", "--broker",
                    redis.url(), "--wait", "--result-timeout", "60s");
            assertEquals(1, failing.exitCode(), failing::toString);
            assertTrue(failing.out().contains("\"status\":\"FAILURE\"") && failing.out().contains("TypeError"),
                    failing::toString);
        }
    }
}
