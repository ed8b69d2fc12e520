package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.TaskState;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code submit}, {@code revoke} in process against a real redis-server, with no worker unless a test starts one. */
class QueueCommandsTest {
    private static RedisServer redis;

    @BeforeAll
    static void start() {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
        redis = RedisServer.builder().appendOnly(false).start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aResultTimeoutExits124AndPrintsWhatIsStillPending() {
        CliRun run = CliRun.of("submit", "fib", "30", "--queue", "nobody_consumes_this", "--broker", redis.url(), "--wait",
                "--result-timeout", "1s");
        assertEquals(124, run.exitCode(), "not bad usage (2) and not a failed task (1): " + run);
        assertTrue(run.out().matches("\\{\"id\":\"[0-9a-f-]{36}\",\"status\":\"PENDING\",\"error\":\"no result within"
                + " --result-timeout 1.0 s\"}\n"), run::toString);
        assertTrue(run.err().contains("1 of 1 task(s) still pending after 1.0 s; they may still run"), run::toString);
    }

    @Test
    void revokeSaysWhatItKnewOfEachIdAndCountsUnknownOnesApart() {
        String waiting;
        String done;
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err)) {
            waiting = client.send(CeleryMessage.of(Call.of("fib", 10), "revoke_test_queue"));
            done = "0f0f0f0f-1111-2222-3333-444455556666";
            redis.command("SET", TaskState.key(done), TaskState.success(done, 55L).encode());
        }
        String unknown = "00000000-dead-beef-0000-000000000000";
        CliRun run = CliRun.of("revoke", waiting, done, unknown, "--broker", redis.url());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("revoked 1 task(s):", "  " + waiting + ": waiting in revoke_test_queue",
                "1 already finished (revoking changes nothing):", "  " + done + ": SUCCESS",
                "1 unknown id(s): no queue, worker or result on " + redis.url() + " holds them; revoked all the same, in"
                        + " case they arrive later (for a day):", "  " + unknown), run.outLines());
        assertTrue(redis.command("ZSCORE", "ranks.revoked", unknown).matches("[0-9.e+]+"),
                "an unknown id is revoked all the same");
    }
}
