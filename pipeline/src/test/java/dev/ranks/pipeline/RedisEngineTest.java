package dev.ranks.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.RedisAssumptions;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.RedisWorker;
import dev.ranks.pipeline.redis.WorkerOptions;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The redis engine against a real redis-server, with workers in this process and one started apart. */
class RedisEngineTest extends EngineContract {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        RedisAssumptions.redisServer();
        server = RedisServer.builder().start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Engine open() {
        return Engines.open("redis", EngineConfig.defaults().withBroker(server.url(), null).withWorkers(2));
    }

    @Test
    void aClientOnlyEngineIsServedByAWorkerStartedApart() {
        try (RedisWorker worker = RedisWorker.start(BrokerUrl.parse(server.url()),
                WorkerOptions.defaults(List.of("squares"), 3), TaskRegistry.load(), System.err);
             Engine client = Engines.open("redis", EngineConfig.defaults().withBroker(server.url(), "squares"))) {
            assertEquals(0, client.workers());
            List<Outcome> outcomes = client.submit(IntStream.range(0, 100).mapToObj(i -> Call.of("square", i)).toList())
                    .await();
            for (int i = 0; i < 100; i++) {
                assertEquals((long) i * i, outcomes.get(i).value());
            }
            assertEquals(100, worker.counts().succeeded());
            assertTrue(outcomes.get(0).worker().startsWith(worker.id()), "the worker that ran it: " + outcomes.get(0).worker());
        }
    }
}
