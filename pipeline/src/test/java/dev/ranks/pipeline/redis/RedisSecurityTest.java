package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.TaskRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task queue through a password, an ACL user and TLS, each on a real redis-server. */
class RedisSecurityTest {
    private final PrintStream diagnostics = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeEach
    void needsRedis() {
        RedisAssumptions.redisServer();
    }

    private void roundTrip(String url) {
        BrokerUrl broker = BrokerUrl.parse(url);
        try (RedisWorker worker = RedisWorker.start(broker, WorkerOptions.defaults(List.of("secure"), 1),
                TaskRegistry.load(), diagnostics);
             TaskQueue client = TaskQueue.connect(broker, diagnostics)) {
            String id = client.send(CeleryMessage.of(Call.of("tasks.echo_task", "through " + broker), "secure"));
            assertEquals("through " + broker, client.await(id, Duration.ofSeconds(10)).result());
            assertEquals(1, worker.counts().succeeded());
        }
    }

    @Test
    void aPasswordIsRequiredAndUsed() {
        try (RedisServer server = RedisServer.builder().password("s3cret/p@ss").start()) {
            roundTrip(server.url());
            String without = "redis://127.0.0.1:" + server.port() + "/0";
            RanksException e = assertThrows(RanksException.class,
                    () -> TaskQueue.connect(BrokerUrl.parse(without), diagnostics));
            assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
            assertTrue(e.getMessage().contains("NOAUTH"), e.getMessage());
            String wrong = "redis://:nope@127.0.0.1:" + server.port() + "/0";
            RanksException refused = assertThrows(RanksException.class,
                    () -> TaskQueue.connect(BrokerUrl.parse(wrong), diagnostics));
            assertTrue(refused.getMessage().contains("redis://:***@127.0.0.1:" + server.port()), refused.getMessage());
            assertTrue(!refused.getMessage().contains("nope"), "the password is never shown: " + refused.getMessage());
        }
    }

    @Test
    void anAclUserLogsIn() {
        try (RedisServer server = RedisServer.builder().aclUser("ranks", "worker-pass").start()) {
            assertTrue(server.url().contains("ranks:"), server.url());
            roundTrip(server.url());
        }
    }

    @Test
    void tlsWithTheServersCertificateAuthority() {
        try (RedisServer server = RedisServer.builder().tls(true).start()) {
            assertTrue(server.url().startsWith("rediss://"), server.url());
            roundTrip(server.url());
            String untrusted = "rediss://127.0.0.1:" + server.port() + "/0";
            RanksException e = assertThrows(RanksException.class,
                    () -> TaskQueue.connect(BrokerUrl.parse(untrusted), diagnostics));
            assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        }
    }
}
