package dev.ranks.workloads.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.Engines;
import dev.ranks.pipeline.FifoWorker;
import dev.ranks.pipeline.Order;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.workloads.fib.FastDoubling;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every engine runs a batch of fib, sqrt and crawl_page calls with the right results. */
class EnginesTaskTest {
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void startSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page("/a.html", "<html><head><title>A</title></head><body><a href=\"b.html\">b</a> <a href=\"/c.html\">c</a>");
        page("/b.html", "<html><head><title>B</title></head><body><a href=\"a.html\">a</a>");
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopSite() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes", "fifo", "ranks"})
    void everyEngineRunsFibSqrtAndCrawlPage(String name) throws IOException {
        Path dir = Files.createTempDirectory("ranks-tasks-fifo");
        FifoWorker worker = name.equals("fifo") ? FifoWorker.serve(dir, TaskRegistry.load(), 2, System.err) : null;
        List<Call> calls = new ArrayList<>();
        for (int n = 0; n <= 30; n++) {
            calls.add(Call.of("fib", n));
        }
        calls.add(Call.of("tasks.fibo_task", 300));
        calls.add(Call.of("sqrt", 2.25));
        calls.add(new Call("crawl_page", List.of(base + "/a.html"), Map.of("delay_ms", 0)));
        calls.add(new Call("tasks.crawl_task", List.of(base + "/b.html"), Map.of("delay_ms", 0)));
        calls.add(new Call("crawl_page", List.of(base + "/missing.html"), Map.of("delay_ms", 0)));
        try (Engine engine = Engines.open(name, EngineConfig.defaults().withWorkers(2).withFifoDir(dir))) {
            List<Outcome> outcomes = engine.submit(calls).await();
            for (int n = 0; n <= 30; n++) {
                assertEquals(FastDoubling.fib(n).longValueExact(), outcomes.get(n).value(), "fib " + n);
            }
            List<?> fibo = (List<?>) outcomes.get(31).value();
            assertEquals(300L, fibo.get(0));
            assertTrue(((String) fibo.get(1)).endsWith(" was " + FastDoubling.fib(300)), fibo::toString);
            assertEquals(1.5, outcomes.get(32).value());
            Map<?, ?> a = (Map<?, ?>) outcomes.get(33).value();
            assertEquals(200L, a.get("status"));
            assertEquals("A", a.get("title"));
            assertEquals(List.of(base + "/b.html", base + "/c.html"), a.get("links"));
            String crawled = (String) outcomes.get(34).value();
            assertTrue(crawled.matches("The task [0-9a-f-]{36} found the following links \\['"
                    + java.util.regex.Pattern.quote(base + "/a.html") + "'\\]\\.\\."), crawled);
            assertEquals(404L, ((Map<?, ?>) outcomes.get(35).value()).get("status"));
            List<Integer> seen = new ArrayList<>();
            engine.submit(calls.subList(0, 10)).forEach(Order.COMPLETION, o -> seen.add(o.index()));
            assertEquals(new HashSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), new HashSet<>(seen));
        } finally {
            if (worker != null) {
                worker.close();
            }
            Files.deleteIfExists(dir.resolve("requests"));
            Files.delete(dir);
        }
    }

    private static void page(String path, String html) {
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
