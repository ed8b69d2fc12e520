package dev.ranks.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Celery to Celery through a real redis-server: proves the harness the Ranks interop tests stand on. */
class CeleryWorkerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static RedisServer redis;
    private static CeleryWorker worker;

    @BeforeAll
    static void start() {
        RedisAssumptions.celery();
        redis = RedisServer.builder().password("celery pw").start();
        worker = CeleryWorker.start(redis.url(), List.of("fibo_queue", "webcrawler_queue"), 2);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Palach's fibo_task, bound: the pair [n, message], the message naming the call's own task id. */
    private static boolean fibo(String line, long n, String value) {
        return line.matches("\\[" + n + ", \"The Fibonacci calculated with task id [0-9a-f-]{36} was " + value + "\"]");
    }

    @Test
    void fiboTaskOf30Is832040() {
        CeleryClient.Result result = CeleryClient.call(redis.url(), "tasks.fibo_task", "fibo_queue", "30", 1, TIMEOUT);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.lines().size(), result::toString);
        assertTrue(fibo(result.lines().get(0), 30, "832040"), result::toString);
    }

    @Test
    void delayAsTheBooksCallItIsRoutedByTaskRoutes() {
        CeleryClient.Result result = CeleryClient.run(redis.url(), TIMEOUT, "tasks.fibo_task", "fibo_queue", "30",
                "--delay");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.lines().size(), result::toString);
        assertTrue(fibo(result.lines().get(0), 30, "832040"), result::toString);
        CeleryClient.Result misrouted = CeleryClient.run(redis.url(), TIMEOUT, "tasks.fibo_task", "sqrt_queue", "30",
                "--delay");
        assertEquals(2, misrouted.exitCode(), misrouted::toString);
        assertTrue(misrouted.errors().contains("sends tasks.fibo_task to fibo_queue by task_routes"), misrouted::toString);
    }

    @Test
    void resultsAreExactBigIntegersInSendingOrder() {
        CeleryClient.Result result = CeleryClient.call(redis.url(), "tasks.fibo_task", "fibo_queue", "[100]", 3, TIMEOUT);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(3, result.lines().size(), result::toString);
        assertTrue(result.lines().stream().allMatch(line -> fibo(line, 100, "354224848179261915075")), result::toString);
        assertEquals(3, result.lines().stream().distinct().count(), "each message names its own task id");
        assertTrue(result.errors().contains("sent 3 in"), result.errors());
    }

    @Test
    void aTaskGoesToItsQueueOnly() {
        CeleryClient.Result sent = CeleryClient.run(redis.url(), TIMEOUT, "tasks.sqrt_task", "sqrt_queue", "[2]",
                "--no-wait");
        assertEquals(0, sent.exitCode(), sent::toString);
        assertEquals(1, sent.lines().size());
        assertEquals("1", redis.command("LLEN", "sqrt_queue"), "no worker consumes sqrt_queue");
        String message = redis.command("LINDEX", "sqrt_queue", "0");
        assertTrue(message.contains("\"task\": \"tasks.sqrt_task\"") && message.contains(sent.lines().get(0)), message);
        redis.command("DEL", "sqrt_queue");
    }

    @Test
    void aFailedTaskExitsOneWithTheRemoteError() {
        CeleryClient.Result result = CeleryClient.call(redis.url(), "tasks.fibo_task", "fibo_queue", "\"x\"", 1, TIMEOUT);
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.errors().contains("ValueError: fibo_task argument 'x' is invalid"), result.errors());
        assertTrue(result.errors().contains("Traceback"), result.errors());
    }

    @Test
    void aTimeoutExitsOne() {
        CeleryClient.Result result = CeleryClient.call(redis.url(), "tasks.sqrt_task", "no_worker_queue", "4", 1,
                Duration.ofMillis(500));
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.errors().contains("TimeoutError"), result.errors());
        redis.command("DEL", "no_worker_queue");
    }

    @Test
    void crawlTaskReturnsThePagesLinks() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            byte[] page = "<html><body><a href=\"/a.html\">a</a> <a href='b.html#x'>b</a> <a href=\"/a.html\">again</a>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            CeleryClient.Result result = CeleryClient.call(redis.url(), "tasks.crawl_task", "webcrawler_queue",
                    "[\"" + base + "/dir/index.html\"]", 1, TIMEOUT);
            assertEquals(0, result.exitCode(), result::toString);
            String message = result.lines().get(0);
            assertTrue(message.matches("\"The task [0-9a-f-]{36} found the following links \\['" + base + "/a.html', '"
                    + base + "/dir/b.html']\\.\\.\""), message);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aWorkerServesAnAclUserOverTlsAndCloseLeavesNothingBehind() {
        CeleryWorker overTls;
        long pid;
        try (RedisServer tls = RedisServer.builder().tls(true).aclUser("celery", "tls pw").start()) {
            overTls = CeleryWorker.start(tls.url(), List.of("fibo_queue"), 1);
            pid = overTls.pid();
            try (overTls) {
                CeleryClient.Result result = CeleryClient.call(tls.url(), "tasks.fibo_task", "fibo_queue", "10", 1,
                        TIMEOUT);
                assertEquals(0, result.exitCode(), result::toString);
                assertEquals(1, result.lines().size(), result::toString);
                assertTrue(fibo(result.lines().get(0), 10, "55"), result::toString);
                assertTrue(overTls.logText().contains("Connected to rediss://celery:**@127.0.0.1:" + tls.port()),
                        overTls.logText());
            }
        }
        assertFalse(overTls.isRunning());
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the worker process has exited");
        assertFalse(Files.exists(overTls.log().getParent()), "close deletes the worker's directory");
    }

    @Test
    void killTakesThePoolProcessesWithItAndAQuietWorkerStillStarts() {
        try (CeleryWorker second = CeleryWorker.start(redis.url(), List.of("other_queue"), 2, "error")) {
            assertFalse(second.logText().contains(" ready."), "Celery's own ready line is at INFO");
            List<ProcessHandle> pool = ProcessHandle.of(second.pid()).orElseThrow().descendants().toList();
            assertTrue(pool.size() >= 2, "a prefork pool of 2: " + pool);
            second.kill();
            assertFalse(second.isRunning());
            assertEquals(-1, second.pid());
            assertTrue(pool.stream().noneMatch(ProcessHandle::isAlive), "the pool dies with its worker");
        }
    }

    @Test
    void aBrokerThatRefusesFailsTheStartAtOnce() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        RanksException e = assertThrows(RanksException.class,
                () -> CeleryWorker.start("redis://127.0.0.1:" + closed + "/0", List.of("fibo_queue"), 1));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertTrue(e.getMessage().contains("cannot reach its broker: Cannot connect to redis://127.0.0.1:" + closed),
                e.getMessage());
    }

    @Test
    void badQueuesAndConcurrencyAreArgumentErrors() {
        RanksException queues = assertThrows(RanksException.class, () -> CeleryWorker.start(redis.url(), List.of(), 1));
        assertEquals(ErrorClass.ARG, queues.errorClass());
        RanksException concurrency = assertThrows(RanksException.class,
                () -> CeleryWorker.start(redis.url(), List.of("fibo_queue"), 0));
        assertEquals(ErrorClass.ARG, concurrency.errorClass());
        assertTrue(concurrency.getMessage().contains("concurrency 0"));
        RanksException level = assertThrows(RanksException.class,
                () -> CeleryWorker.start(redis.url(), List.of("fibo_queue"), 1, "loud"));
        assertEquals(ErrorClass.ARG, level.errorClass());
        assertTrue(level.getMessage().contains("log level 'loud'"));
    }
}
