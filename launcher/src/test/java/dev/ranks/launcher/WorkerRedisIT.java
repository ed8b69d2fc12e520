package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.TaskState;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launcher worker} processes on a real redis-server: a worker SIGKILLed mid-task loses
 * nothing (another runs the task once more after the visibility timeout), and SIGTERM finishes the
 * running task and hands the queued ones back, also when the broker is down (then it says what it
 * could not hand back, which comes back later); clients give up on a broker gone for longer than
 * their reconnect window.
 */
class WorkerRedisIT {
    @TempDir
    Path tmp;

    private RedisServer redis;
    private HttpServer site;
    private final AtomicInteger pageRequests = new AtomicInteger();
    private final List<Process> workers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(RedisServer.unavailableReason() == null, () -> "skipped: " + RedisServer.unavailableReason());
        System.setProperty("sun.net.httpserver.nodelay", "true");
        redis = RedisServer.builder().start();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        site.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                pageRequests.incrementAndGet();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = exchange.getRequestURI().getPath().equals("/robots.txt") ? new byte[0]
                    : "<html><title>slow</title><a href=\"/next\">next</a></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", exchange.getRequestURI().getPath().equals("/robots.txt")
                    ? "text/plain" : "text/html");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/robots.txt") ? 404 : 200,
                    body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
    }

    @AfterEach
    void stop() {
        for (Process worker : workers) {
            worker.destroyForcibly();
        }
        if (site != null) {
            site.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    private Process worker(String name, String... options) throws Exception {
        Path log = tmp.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "worker", "--broker", redis.url(),
                "-Q", "webcrawler_queue", "--concurrency", "1"));
        command.addAll(List.of(options));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(worker);
        ProcessLog.await(worker, log, "consumes", Duration.ofSeconds(30));
        assertTrue(Files.readString(log).contains("consumes webcrawler_queue"), Files.readString(log));
        return worker;
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path log : files.sorted().toList()) {
                text.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        } catch (java.io.IOException e) {
            text.append(e);
        }
        return text.toString();
    }

    private String slowPage(int i) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/slow" + i;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aWorkerKilledMidTaskLosesNothing() throws Exception {
        Process first = worker("first", "--visibility-timeout", "2s", "--prefetch", "1");
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err)) {
            String id = client.send(CeleryMessage.of(Call.of("crawl_page", slowPage(1)), "webcrawler_queue"));
            waitFor(() -> pageRequests.get() == 1, "the first worker to start the task");
            first.destroyForcibly().waitFor();
            assertEquals(null, client.state(id), "no result yet: the task died with its worker");
            worker("second", "--visibility-timeout", "2s", "--prefetch", "1");
            TaskState state = client.await(id, Duration.ofSeconds(30));
            assertEquals(TaskState.SUCCESS, state.status(), state::error);
            Map<?, ?> page = (Map<?, ?>) state.result();
            assertEquals(200L, page.get("status"));
            assertEquals("slow", page.get("title"));
            assertEquals(2, pageRequests.get(), () -> "run exactly once more; logs:\n" + logs());
            String queues = CliRun.of("queues", "--broker", redis.url()).out();
            // nothing waiting, in flight or dead; the killed worker's heartbeat lingers until it expires
            assertTrue(queues.matches("(?s).*webcrawler_queue\\s+0\\s+0\\s+0\\s+[12].*"), queues);
        }
    }

    @Test
    void sigtermFinishesTheRunningTaskAndHandsBackTheRest() throws Exception {
        Process worker = worker("graceful", "--prefetch", "4");
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err)) {
            List<CeleryMessage> messages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                messages.add(CeleryMessage.of(Call.of("crawl_page", slowPage(i)), "webcrawler_queue"));
            }
            client.sendAll(messages);
            waitFor(() -> pageRequests.get() == 1, "the worker to start a task");
            worker.destroy();
            assertTrue(worker.waitFor(20, TimeUnit.SECONDS), "the worker stops within its grace");
            assertEquals(1, pageRequests.get(), "one task ran");
            assertEquals(TaskState.SUCCESS, client.state(messages.get(0).id()).status());
            String log = Files.readString(tmp.resolve("graceful.log"));
            assertTrue(log.contains("3 message(s) handed back"), log);
            String queues = CliRun.of("queues", "--broker", redis.url(), "-Q", "webcrawler_queue").out();
            assertTrue(queues.matches("(?s).*webcrawler_queue\\s+3\\s+0\\s+0\\s+0.*"), queues);
        }
    }

    @Test
    void sigtermWithTheBrokerDownStillStopsTheWorkerAndLosesNothing() throws Exception {
        Process worker = worker("down", "--prefetch", "4", "--shutdown-grace", "2s", "--reconnect-window", "2s");
        List<CeleryMessage> messages = new ArrayList<>();
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err)) {
            for (int i = 0; i < 3; i++) {
                messages.add(CeleryMessage.of(Call.of("crawl_page", slowPage(i)), "webcrawler_queue"));
            }
            client.sendAll(messages);
            waitFor(() -> pageRequests.get() == 1, "the worker to start a task");
        }
        // SIGTERM: Redis flushes its append-only file, so the restart below finds what the worker had fetched
        redis.stop();
        long start = System.nanoTime();
        worker.destroy();
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), () -> "the worker exits on SIGTERM; logs:\n" + logs());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "grace 2 s plus window 2 s, with a generous margin: " + seconds + " s");
        String log = Files.readString(tmp.resolve("down.log"));
        assertTrue(log.contains("has been unreachable for 2 s (the reconnect window)"), log);
        assertTrue(log.contains("2 message(s) could not be handed back (task ids "), log);
        assertTrue(log.contains("they stay in 'unacked' and go back to their queues after the visibility timeout"), log);
        assertTrue(log.contains("1 result(s) could not be stored"), log);
        assertTrue(log.contains(" stopped"), log);

        redis.restart();
        assertEquals("3", redis.command("HLEN", "unacked"), "every message the worker held is still unacknowledged");
        worker("after", "--visibility-timeout", "1s");
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err)) {
            for (CeleryMessage message : messages) {
                TaskState state = client.await(message.id(), Duration.ofSeconds(60));
                assertEquals(TaskState.SUCCESS, state.status(), () -> state.error() + "\nlogs:\n" + logs());
            }
        }
    }

    @Test
    void clientsGiveUpOnABrokerGoneLongerThanTheirWindow() throws Exception {
        Path submitLog = tmp.resolve("submit.log");
        Process submit = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "submit", "fib", "30", "--queue",
                "nobody_consumes", "--broker", redis.url(), "--wait", "--reconnect-window", "2s")
                .redirectErrorStream(true).redirectOutput(submitLog.toFile()).start();
        workers.add(submit);
        waitFor(() -> {
            try {
                return Files.readString(submitLog).contains("sent fib [30] to nobody_consumes");
            } catch (java.io.IOException e) {
                return false;
            }
        }, "submit to send its task");
        redis.stop();
        assertTrue(submit.waitFor(60, TimeUnit.SECONDS), () -> "submit gives up; logs:\n" + logs());
        String log = Files.readString(submitLog);
        assertEquals(2, submit.exitValue(), log);
        assertTrue(log.contains("broker " + redis.url() + " has been unreachable for 2 s (the reconnect window)"), log);

        redis.restart();
        try (TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err, Duration.ofSeconds(1))) {
            redis.stop();
            long start = System.nanoTime();
            RanksException queues = assertThrows(RanksException.class, () -> client.report(List.of()));
            RanksException revoke = assertThrows(RanksException.class, () -> client.revoke(List.of("some-id")));
            RanksException send = assertThrows(RanksException.class,
                    () -> client.send(CeleryMessage.of(Call.of("fib", 3), "fibo_queue")));
            assertTrue((System.nanoTime() - start) / 1e9 < 30, "each gives up after its window");
            for (RanksException e : List.of(queues, revoke, send)) {
                assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
                assertTrue(e.getMessage().contains("has been unreachable for 1 s (the reconnect window)"), e::getMessage);
            }
        }
    }

    @Test
    void theRedisEngineFailsItsWaitingCallsWhenTheBrokerStaysAway() throws Exception {
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("fib", "10", "20", "--engine",
                "redis", "--queue", "nobody_consumes", "--broker", redis.url(), "--reconnect-window", "2s"));
        waitFor(() -> "2".equals(redis.command("LLEN", "nobody_consumes")), "the engine to send its calls");
        redis.stop();
        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, done.exitCode(), done::toString);
        assertTrue(done.err().contains("has been unreachable for 2 s (the reconnect window)"), done::toString);
        assertTrue(done.err().contains("the calls' messages stay on the broker and may still run"), done::toString);
    }
}
