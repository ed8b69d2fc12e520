package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.Task;
import dev.ranks.pipeline.TaskRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Redis task queue against a real redis-server: routing, retries, dead letters, expiry, revoke, redelivery. */
class RedisQueueTest {
    private static RedisServer server;

    /** How many times each (task, first argument) ran, to see retries and redeliveries. */
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream diagnostics = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final List<AutoCloseable> open = new ArrayList<>();
    private BrokerUrl url;

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

    @BeforeEach
    void clean() {
        url = BrokerUrl.parse(server.url());
        try (Jedis redis = jedis()) {
            redis.flushAll();
        }
        RUNS.clear();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Jedis jedis() {
        return new Jedis(url.address(), url.clientConfig(5000, "test"));
    }

    private static int runs(String task, Object arg) {
        return RUNS.getOrDefault(task + ":" + arg, new AtomicInteger()).get();
    }

    private static Task task(String name, TaskBody body) {
        return new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object run(List<Object> args, Map<String, Object> kwargs) throws Exception {
                int n = RUNS.computeIfAbsent(name + ":" + args.get(0), k -> new AtomicInteger()).incrementAndGet();
                return body.run(args, n);
            }
        };
    }

    private interface TaskBody {
        Object run(List<Object> args, int attempt) throws Exception;
    }

    private static final TaskRegistry TASKS = TaskRegistry.of(List.of(
            task("square", (args, n) -> (Long) args.get(0) * (Long) args.get(0)),
            task("slowsquare", (args, n) -> {
                Thread.sleep(3);
                return (Long) args.get(0) * (Long) args.get(0);
            }),
            task("sleep", (args, n) -> {
                Thread.sleep((Long) args.get(0));
                return args.get(0);
            }),
            task("flaky", (args, n) -> {
                if (n <= (Long) args.get(0)) {
                    throw new IllegalStateException("attempt " + n + " fails");
                }
                return "ok after " + n;
            }),
            task("boom", (args, n) -> {
                throw new IllegalStateException("boom " + args);
            }),
            task("badarg", (args, n) -> {
                throw new IllegalArgumentException("n must be positive, got " + args.get(0));
            })), Map.of("tasks.square_task", "square"));

    private WorkerOptions options(String... queues) {
        return WorkerOptions.defaults(List.of(queues), 2).withRetries(2, Duration.ofMillis(20))
                .withShutdownGrace(Duration.ofSeconds(5));
    }

    private RedisWorker worker(WorkerOptions options) {
        RedisWorker worker = RedisWorker.start(url, options, TASKS, diagnostics);
        open.add(worker);
        return worker;
    }

    private TaskQueue client() {
        TaskQueue queue = TaskQueue.connect(url, diagnostics);
        open.add(queue);
        return queue;
    }

    private Map<String, TaskState> awaitAll(TaskQueue client, List<String> ids) {
        Map<String, TaskState> states = new HashMap<>();
        client.awaitAll(ids, s -> states.put(s.id(), s), Duration.ofSeconds(30));
        return states;
    }

    @Test
    void aBatchRunsOnceEachAndLeavesNothingBehind() {
        worker(options("q1"));
        TaskQueue client = client();
        List<CeleryMessage> messages = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            messages.add(CeleryMessage.of(Call.of("square", i), "q1"));
        }
        client.sendAll(messages);
        Map<String, TaskState> states = awaitAll(client, messages.stream().map(CeleryMessage::id).toList());
        for (long i = 0; i < 200; i++) {
            TaskState state = states.get(messages.get((int) i).id());
            assertEquals(TaskState.SUCCESS, state.status());
            assertEquals(i * i, state.result());
            assertEquals(1, runs("square", i));
        }
        try (Jedis redis = jedis()) {
            assertEquals(0, redis.llen("q1"));
            assertEquals(0, redis.hlen(Keys.UNACKED));
            assertEquals(0, redis.zcard(Keys.UNACKED_INDEX));
            long ttl = redis.ttl(TaskState.key(messages.get(0).id()));
            assertTrue(ttl > Duration.ofDays(1).toSeconds() - 60 && ttl <= Duration.ofDays(1).toSeconds(), "ttl " + ttl);
        }
    }

    @Test
    void aStoredStateSaysWhatTheTaskWasAskedAndTheReportPiecesTasksTogether() {
        worker(options("asked"));
        TaskQueue client = client();
        String done = client.send(CeleryMessage.of(new Call("square", List.of(6L), Map.of("unit", "cm")), "asked"));
        TaskState state = client.await(done, Duration.ofSeconds(10));
        assertEquals(new Call("square", List.of(6L), Map.of("unit", "cm")), state.call(), "Celery's result_extended fields");
        assertEquals("asked", state.queue());
        assertEquals(state, TaskState.decode(state.encode()));

        String waiting = client.send(CeleryMessage.of(Call.of("square", 2L), "nobody"));
        String revoked = client.send(CeleryMessage.of(Call.of("square", 3L), "nobody"));
        client.revoke(List.of(revoked));
        Map<String, TaskReport> recent = new HashMap<>();
        client.recentTasks(10).forEach(t -> recent.put(t.id(), t));
        assertEquals(TaskReport.PENDING, recent.get(waiting).status());
        assertEquals("nobody", recent.get(waiting).where());
        assertEquals(TaskState.REVOKED, recent.get(revoked).status(), "revoked before any worker reached it");
        assertEquals(TaskState.SUCCESS, recent.get(done).status());
        assertTrue(recent.get(done).finished());
        assertEquals(36L, client.task(done).state().result());
        assertEquals(List.of(2L), client.task(waiting).call().args(), "the waiting message's arguments");
        assertNull(client.task("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void aWorkerConsumesOnlyItsQueues() {
        worker(options("fibo_queue", "celery"));
        TaskQueue client = client();
        String routed = client.send(CeleryMessage.of(Call.of("square", 7L), "fibo_queue"));
        String byDefault = client.send(CeleryMessage.of(Call.of("tasks.square_task", 8L), "celery"));
        String elsewhere = client.send(CeleryMessage.of(Call.of("square", 9L), "sqrt_queue"));
        assertEquals(49L, client.await(routed, Duration.ofSeconds(10)).result());
        assertEquals(64L, client.await(byDefault, Duration.ofSeconds(10)).result());
        RanksException e = assertThrows(RanksException.class, () -> client.await(elsewhere, Duration.ofMillis(700)));
        assertTrue(e.getMessage().contains("1 of 1 task(s) still pending"), e.getMessage());
        try (Jedis redis = jedis()) {
            assertEquals(1, redis.llen("sqrt_queue"));
        }
        assertEquals(0, runs("square", 9L));
    }

    @Test
    void failingTasksAreRetriedWithBackoffThenFail() {
        worker(options("q"));
        TaskQueue client = client();
        String recovers = client.send(CeleryMessage.of(Call.of("flaky", 2L), "q"));
        String fails = client.send(CeleryMessage.of(Call.of("boom", 1L), "q"));
        String badArgument = client.send(CeleryMessage.of(Call.of("badarg", -1L), "q"));
        TaskState ok = client.await(recovers, Duration.ofSeconds(10));
        assertEquals("ok after 3", ok.result());
        TaskState failed = client.await(fails, Duration.ofSeconds(10));
        assertEquals(TaskState.FAILURE, failed.status());
        assertEquals(3, runs("boom", 1L), "max_retries 2: three runs");
        assertTrue(failed.traceback().contains("java.lang.IllegalStateException: boom [1]"), failed.traceback());
        assertTrue(failed.traceback().contains("\tat "), "a Java stack trace: " + failed.traceback());
        Map<?, ?> exc = (Map<?, ?>) failed.result();
        assertEquals("IllegalStateException", exc.get("exc_type"));
        assertEquals("java.lang", exc.get("exc_module"));
        assertEquals(List.of("boom [1]"), exc.get("exc_message"));
        TaskState rejected = client.await(badArgument, Duration.ofSeconds(10));
        assertEquals(TaskState.FAILURE, rejected.status());
        assertEquals(1, runs("badarg", -1L), "argument errors are not retried");
    }

    @Test
    void undecodableAndUnknownMessagesAreDeadLettersAndTheWorkerCarriesOn() {
        RedisWorker worker = worker(options("q"));
        TaskQueue client = client();
        CeleryMessage unknown = CeleryMessage.of(Call.of("no_such_task", 1L), "q");
        try (Jedis redis = jedis()) {
            redis.lpush("q", "this is not JSON");
            redis.lpush("q", "{\"headers\": {}, \"properties\": {}}");
            redis.lpush("q", unknown.encode());
            String untyped = CeleryMessage.of(Call.of("square", 1L), "q").encode()
                    .replace("\"content-type\":\"application/json\"", "\"content-type\":\"application/x-python-serialize\"");
            redis.lpush("q", untyped);
        }
        String after = client.send(CeleryMessage.of(Call.of("square", 12L), "q"));
        assertEquals(144L, client.await(after, Duration.ofSeconds(10)).result());
        TaskState notRegistered = client.await(unknown.id(), Duration.ofSeconds(10));
        assertEquals(TaskState.FAILURE, notRegistered.status());
        assertTrue(notRegistered.error().contains("no_such_task"), notRegistered.error());
        List<String> dead = client.deadLetters("q", 10);
        assertEquals(4, dead.size(), dead + "\nlog: " + log.toString(StandardCharsets.UTF_8));
        String all = String.join("\n", dead);
        assertTrue(all.contains("the message is not JSON"), all);
        assertTrue(all.contains("properties.delivery_tag is missing"), all);
        assertTrue(all.contains("task 'no_such_task' is unknown"), all);
        assertTrue(all.contains("content type 'application/x-python-serialize' is unsupported"), all);
        for (String entry : dead) {
            Map<String, Object> letter = Json.readObject(entry);
            assertEquals("q", letter.get("queue"));
            assertTrue(letter.get("message") instanceof String);
        }
        // the first two never reach Java: the fetch script dead-letters messages it cannot track
        assertEquals(2, worker.counts().deadLettered());
        try (Jedis redis = jedis()) {
            assertEquals(0, redis.hlen(Keys.UNACKED));
        }
    }

    @Test
    void revokedAndExpiredTasksDoNotRun() throws Exception {
        TaskQueue client = client();
        CeleryMessage revoked = CeleryMessage.of(Call.of("square", 3L), "q");
        CeleryMessage expired = CeleryMessage.of(Call.of("square", 4L), "q").withExpires(Instant.now().minusSeconds(1));
        CeleryMessage later = CeleryMessage.of(Call.of("square", 5L), "q").withExpires(Instant.now().plusSeconds(60));
        client.revoke(List.of(revoked.id()));
        client.sendAll(List.of(revoked, expired, later));
        worker(options("q"));
        assertEquals(TaskState.REVOKED, client.await(revoked.id(), Duration.ofSeconds(10)).status());
        assertEquals(TaskState.REVOKED, client.await(expired.id(), Duration.ofSeconds(10)).status());
        assertEquals(25L, client.await(later.id(), Duration.ofSeconds(10)).result());
        assertEquals(0, runs("square", 3L));
        assertEquals(0, runs("square", 4L));
    }

    @Test
    void anEtaHoldsTheTaskUntilItsTime() {
        worker(options("q"));
        TaskQueue client = client();
        Instant eta = Instant.now().plusMillis(1200);
        String id = client.send(CeleryMessage.of(Call.of("square", 6L), "q").withEta(eta));
        assertEquals(36L, client.await(id, Duration.ofSeconds(10)).result());
        TaskState state = client.state(id);
        assertTrue(!state.dateDone().isBefore(eta.minusMillis(50)), state.dateDone() + " before " + eta);
    }

    @Test
    void messagesAWorkerLostComeBackAfterTheVisibilityTimeout() throws InterruptedException {
        TaskQueue client = client();
        CeleryMessage lost = CeleryMessage.of(Call.of("square", 11L), "q");
        client.send(lost);
        // what a worker killed right after its fetch leaves: the message only in kombu's unacked set
        try (Jedis redis = jedis()) {
            List<String> keys = new ArrayList<>(List.of(Keys.UNACKED, Keys.UNACKED_INDEX, Keys.dead("q"),
                    Keys.FETCH_PREFIX + "killed-worker"));
            keys.addAll(Keys.lists("q"));
            Object fetched = Scripts.run(redis, Scripts.FETCH, keys,
                    List.of(String.valueOf(Instant.now().getEpochSecond()), "10", "q", "killed-worker", "1"));
            assertEquals(2, ((List<?>) fetched).size());
            assertEquals(0, redis.llen("q"));
            assertEquals(1, redis.hlen(Keys.UNACKED));
        }
        worker(options("q").withVisibilityTimeout(Duration.ofSeconds(1)));
        TaskState state = client.await(lost.id(), Duration.ofSeconds(15));
        assertEquals(121L, state.result());
        assertEquals(1, runs("square", 11L));
        // The worker says so once the restore returns, which may be after another of its threads
        // has already run the restored message.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!log.toString(StandardCharsets.UTF_8).contains("put back in their queues") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("put back in their queues"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void closingHandsBackWhatWasNotStartedAndFinishesWhatRuns() throws Exception {
        RedisWorker worker = RedisWorker.start(url, WorkerOptions.defaults(List.of("q"), 1).withPrefetch(4), TASKS, diagnostics);
        TaskQueue client = client();
        List<CeleryMessage> messages = new ArrayList<>();
        for (long i = 0; i < 6; i++) {
            messages.add(CeleryMessage.of(Call.of("sleep", 300L + i), "q"));
        }
        client.sendAll(messages);
        Thread.sleep(150);
        worker.close();
        assertEquals(1, runs("sleep", 300L), "the running task finished");
        assertEquals(TaskState.SUCCESS, client.state(messages.get(0).id()).status());
        try (Jedis redis = jedis()) {
            assertEquals(5, redis.llen("q"), "the rest are back in the queue");
            assertEquals(0, redis.hlen(Keys.UNACKED));
        }
        worker(options("q"));
        Map<String, TaskState> states = awaitAll(client, messages.stream().map(CeleryMessage::id).toList());
        assertEquals(6, states.size());
        for (long i = 0; i < 6; i++) {
            assertEquals(1, runs("sleep", 300L + i), "sleep " + (300 + i) + " ran once");
        }
    }

    @Test
    void aBrokerRestartMidBatchLosesNothing() throws Exception {
        worker(options("q"));
        TaskQueue client = client();
        List<CeleryMessage> messages = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            messages.add(CeleryMessage.of(Call.of("slowsquare", i), "q"));
        }
        client.sendAll(messages);
        Thread.sleep(200);
        server.restart();
        Map<String, TaskState> states;
        try {
            states = awaitAll(client, messages.stream().map(CeleryMessage::id).toList());
        } catch (RanksException e) {
            throw new AssertionError(e.getMessage() + "; worker log:\n" + log.toString(StandardCharsets.UTF_8), e);
        }
        assertEquals(300, states.size());
        for (long i = 0; i < 300; i++) {
            assertEquals(i * i, states.get(messages.get((int) i).id()).result());
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unreachable") && text.contains("reachable again"), text);
    }

    @Test
    void aBrokerThatIsNotThereIsAClearError() {
        BrokerUrl nowhere = BrokerUrl.parse("redis://127.0.0.1:1/0");
        RanksException e = assertThrows(RanksException.class, () -> TaskQueue.connect(nowhere, diagnostics));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertTrue(e.getMessage().contains("redis://127.0.0.1:1/0") && e.getMessage().contains("redis-up"), e.getMessage());
    }
}
