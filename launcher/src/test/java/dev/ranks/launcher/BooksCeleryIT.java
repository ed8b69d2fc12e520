package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The books' Celery client programs, docs/celery/books/*.py, run unchanged with python3 and the real
 * Celery client against a redis-server of the test's own and a Ranks worker (the launcher's main
 * class in a JVM of its own); their printed output is the books'. Also the Cookbook's amqp:// broker:
 * exit 2 naming the schemes Ranks speaks.
 */
class BooksCeleryIT {
    private static final Path BOOKS = Path.of("").toAbsolutePath().getParent().resolve("docs/celery/books");

    @TempDir
    Path tmp;

    private CeleryBroker broker;

    @BeforeEach
    void start() {
        broker = CeleryBroker.start();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBooksClientsRunUnchangedAgainstARanksWorker() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = "<html><a href=\"/b.html\">b</a> <a href='http://x.test/it'>x</a> <a href=/c.html>c</a></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try {
            Path workerLog = tmp.resolve("worker.log");
            Process worker = broker.launcher(workerLog, "worker", "-Q", "celery,fibo_queue,sqrt_queue,webcrawler_queue",
                    "--concurrency", "4");
            ProcessLog.await(worker, workerLog, "stop with Ctrl-C", Duration.ofSeconds(30));
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/a.html";
            List<String> palach = python(tmp.resolve("palach.log"), "palach_client.py", url);
            assertEquals(8, palach.size(), palach::toString);
            assertEquals("Hello I'm a celery task", palach.get(0));
            assertEquals("2.0", palach.get(1));
            long[][] fibs = {{4, 3}, {3, 2}, {8, 21}, {6, 8}, {7, 13}};
            for (int i = 0; i < fibs.length; i++) {
                String line = palach.get(2 + i);
                String id = line.substring(line.lastIndexOf("(task ") + 6, line.length() - 1);
                assertEquals("Value [" + fibs[i][0] + "] -> The Fibonacci calculated with task id " + id + " was "
                        + fibs[i][1] + " (task " + id + ")", line, "the real task id");
                assertTrue(id.matches("[0-9a-f-]{36}"), line);
            }
            String crawl = palach.get(7);
            String id = crawl.substring(crawl.lastIndexOf("(task ") + 6, crawl.length() - 1);
            assertEquals(url + " -> The task " + id + " found the following links ['http://127.0.0.1:"
                    + site.getAddress().getPort() + "/b.html', 'http://x.test/it'].. (task " + id + ")", crawl);
            List<String> cookbook = python(tmp.resolve("cookbook.log"), "addTask_main.py");
            assertEquals(List.of("10"), cookbook);
        } finally {
            site.stop(0);
        }
    }

    @Test
    void theCookbooksRabbitMqUrlExitsTwoNamingTheSchemes() {
        for (String command : List.of("worker", "submit")) {
            CliRun run = command.equals("worker") ? CliRun.of("worker", "--broker", "amqp://guest@localhost//")
                    : CliRun.of("submit", "addTask.add", "5", "5", "--broker", "amqp://guest@localhost//");
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("the scheme is 'amqp'; expected redis or rediss"), run::toString);
        }
    }

    private List<String> python(Path log, String... args) throws Exception {
        ProcessBuilder pb = broker.python(BOOKS, args);
        Process p = broker.start(pb.redirectOutput(log.toFile()).redirectError(tmp.resolve(log.getFileName() + ".err").toFile()));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 " + args[0] + " waited over 2 minutes");
        assertEquals(0, p.exitValue(), () -> "python3 " + args[0] + ": " + read(log) + read(
                tmp.resolve(log.getFileName() + ".err")) + read(tmp.resolve("worker.log")));
        return Files.readAllLines(log);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
