package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
 * running task and hands the queued ones back.
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("consumes") && worker.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
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
}
