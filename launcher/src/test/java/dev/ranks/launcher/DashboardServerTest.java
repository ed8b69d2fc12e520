package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.RedisWorker;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.WorkerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's JSON API and its rules of access, over HTTP in process, against a real
 * redis-server and a real worker.
 */
class DashboardServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RedisServer redis;
    private static TaskQueue client;
    private static RedisWorker worker;

    @BeforeAll
    static void start() {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
        redis = RedisServer.builder().appendOnly(false).start();
        client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err);
        worker = RedisWorker.start(BrokerUrl.parse(redis.url()), WorkerOptions.defaults(List.of("dash_queue"), 2)
                .withRetries(0, Duration.ofMillis(10)), TaskRegistry.load(), System.err);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (client != null) {
            client.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theApiShowsQueuesWorkersThroughputAndTasksWithTheirOutcome() throws Exception {
        try (DashboardServer server = start(null, Duration.ofMillis(200))) {
            String ok = client.send(CeleryMessage.of(Call.of("fib", 20), "dash_queue"));
            String bad = client.send(CeleryMessage.of(Call.of("fib", "twenty"), "dash_queue"));
            String unknown = client.send(CeleryMessage.of(Call.of("no_such_task", 1), "dash_queue"));
            String later = client.send(CeleryMessage.of(Call.of("fib", 5), "idle_queue")
                    .withEta(Instant.now().plusSeconds(600)));
            client.await(ok, Duration.ofSeconds(30));
            client.await(bad, Duration.ofSeconds(30));
            client.await(unknown, Duration.ofSeconds(30));

            Map<String, Object> dash = row(list(get(server, "/api/queues"), "queues"), "name", "dash_queue");
            assertEquals(1L, dash.get("dead"), dash::toString);
            assertEquals(1L, dash.get("workers"), dash::toString);
            assertEquals(1L, row(list(get(server, "/api/queues"), "queues"), "name", "idle_queue").get("waiting"));

            Map<String, Object> beat = row(list(get(server, "/api/workers"), "workers"), "id", worker.id());
            assertEquals(List.of("dash_queue"), beat.get("queues"));
            assertTrue(((Number) beat.get("heartbeat_age_s")).doubleValue() < 10, beat::toString);

            List<Map<String, Object>> tasks = list(get(server, "/api/tasks"), "tasks");
            assertEquals("PENDING", row(tasks, "id", later).get("status"), "the ETA task waits in its queue first");
            Map<String, Object> done = row(tasks, "id", ok);
            assertEquals("SUCCESS", done.get("status"), done::toString);
            assertEquals("fib", done.get("task"));
            assertEquals("[20]", done.get("args"));
            assertEquals("6765", done.get("outcome"));
            assertEquals("dash_queue", done.get("queue"));
            assertTrue(((Number) done.get("runtime_ms")).doubleValue() >= 0, done::toString);
            assertTrue(String.valueOf(done.get("worker")).startsWith(worker.id()), done::toString);
            assertEquals("FAILURE", row(tasks, "id", unknown).get("status"), "a dead letter is listed with its state");

            Map<String, Object> detail = get(server, "/api/tasks/" + ok);
            assertEquals(6765L, detail.get("result"));
            assertEquals(List.of(20L), detail.get("args"));
            Map<String, Object> failed = get(server, "/api/tasks/" + bad);
            assertEquals("FAILURE", failed.get("status"));
            assertEquals(List.of("twenty"), failed.get("args"));
            assertTrue(String.valueOf(failed.get("traceback")).contains("\tat "), failed::toString);

            // the workers' heartbeats come every 2 s: the samples count what finished since the dashboard started, the
            // success and the failure (a dead letter is neither)
            List<Map<String, Object>> samples = waitFor(() -> list(get(server, "/api/throughput"), "samples"),
                    s -> s.stream().mapToLong(x -> ((Number) x.get("succeeded")).longValue()
                            + ((Number) x.get("failed")).longValue()).sum() >= 2);
            assertTrue(((Number) samples.get(samples.size() - 1).get("waiting")).longValue() >= 1, samples::toString);

            HttpResponse<String> missing = send(server, "GET", "/api/tasks/00000000-0000-0000-0000-000000000000", null,
                    Map.of());
            assertEquals(404, missing.statusCode(), missing::body);
            HttpResponse<String> badLimit = send(server, "GET", "/api/tasks?limit=0", null, Map.of());
            assertEquals(400, badLimit.statusCode());
            assertEquals("limit=0 is invalid: expected 1 to 1000", Json.readObject(badLimit.body()).get("error"));
        }
    }

    @Test
    void revokeRequeueAndDeleteActOnTheBroker() throws Exception {
        try (DashboardServer server = start(null, Duration.ofSeconds(2))) {
            String waiting = client.send(CeleryMessage.of(Call.of("fib", 7), "revoke_queue"));
            HttpResponse<String> revoked = send(server, "POST", "/api/tasks/" + waiting + "/revoke", "{}", Map.of());
            assertEquals(200, revoked.statusCode(), revoked::body);
            assertEquals("revoke_queue", Json.readObject(revoked.body()).get("where"));
            assertEquals("REVOKED", row(list(get(server, "/api/tasks"), "tasks"), "id", waiting).get("status"),
                    "revoked, to be skipped by the worker that reaches it");

            String letter = Json.write(Map.of("reason", "task 'x' is not registered", "queue", "letters", "id",
                    "11111111-2222-3333-4444-555555555555", "message", CeleryMessage.of(Call.of("fib", 3), "letters")
                            .encode()));
            String other = Json.write(Map.of("reason", "not JSON", "queue", "letters", "message", "garbage"));
            redis.command("LPUSH", "ranks.dead.letters", letter);
            redis.command("LPUSH", "ranks.dead.letters", other);
            List<Map<String, Object>> letters = list(get(server, "/api/dead?queue=letters"), "letters");
            assertEquals(List.of(other, letter), letters.stream().map(l -> l.get("letter")).toList(), "newest first");

            HttpResponse<String> requeued = send(server, "POST", "/api/dead/requeue",
                    Json.write(Map.of("queue", "letters", "letter", letter)), Map.of());
            assertEquals(200, requeued.statusCode(), requeued::body);
            assertEquals("1", redis.command("LLEN", "letters"), "the message is back in its queue");
            HttpResponse<String> deleted = send(server, "POST", "/api/dead/delete",
                    Json.write(Map.of("queue", "letters", "letter", other)), Map.of());
            assertEquals(200, deleted.statusCode(), deleted::body);
            assertEquals("0", redis.command("LLEN", "ranks.dead.letters"));
            HttpResponse<String> again = send(server, "POST", "/api/dead/delete",
                    Json.write(Map.of("queue", "letters", "letter", other)), Map.of());
            assertEquals(409, again.statusCode(), "a letter someone else handled is said to be gone");
        }
    }

    @Test
    void withATokenActionsNeedItAndReadsDoNotOnLoopback() throws Exception {
        try (DashboardServer server = start("s3cret", Duration.ofSeconds(2))) {
            String id = client.send(CeleryMessage.of(Call.of("fib", 7), "token_queue"));
            String path = "/api/tasks/" + id + "/revoke";
            assertEquals(200, send(server, "GET", "/api/queues", null, Map.of()).statusCode());
            assertEquals(200, send(server, "GET", "/", null, Map.of()).statusCode());
            assertEquals(401, send(server, "POST", path, "{}", Map.of()).statusCode());
            assertEquals(401, send(server, "POST", path, "{}", Map.of("X-Ranks-Token", "wrong")).statusCode());
            assertEquals(200, send(server, "POST", path, "{}", Map.of("X-Ranks-Token", "s3cret")).statusCode());
            assertEquals(200, send(server, "POST", path, "{}", Map.of("Authorization", "Bearer s3cret")).statusCode());
            String basic = Base64.getEncoder().encodeToString("anyone:s3cret".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, send(server, "POST", path, "{}", Map.of("Authorization", "Basic " + basic)).statusCode());
        }
    }

    @Test
    void actionsMustBeJsonFromTheDashboardsOwnPage() throws Exception {
        try (DashboardServer server = start(null, Duration.ofSeconds(2))) {
            String id = client.send(CeleryMessage.of(Call.of("fib", 7), "csrf_queue"));
            HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(uri(server, "/api/tasks/" + id + "/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, form.statusCode(), "a cross-site form cannot send JSON, so it cannot act");
            HttpResponse<String> elsewhere = send(server, "POST", "/api/tasks/" + id + "/revoke", "{}",
                    Map.of("Origin", "http://evil.example"));
            assertEquals(403, elsewhere.statusCode(), elsewhere::body);
            assertEquals("", redis.command("ZSCORE", "ranks.revoked", id), "nothing was revoked");
        }
    }

    @Test
    void onLoopbackARequestForAnotherHostNameIsRefused() throws Exception {
        try (DashboardServer server = start(null, Duration.ofSeconds(2))) {
            assertEquals("HTTP/1.1 403 Forbidden", statusLine(server, "evil.example:" + server.port()),
                    "a page that rebinds its name to 127.0.0.1 gets nothing");
            assertEquals("HTTP/1.1 200 OK", statusLine(server, "localhost:" + server.port()));
        }
    }

    /** A raw request, since HttpClient does not let a caller set Host. */
    private static String statusLine(DashboardServer server, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("GET /api/queues HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void beyondLoopbackEveryRequestNeedsTheToken() throws Exception {
        try (DashboardServer server = DashboardServer.start(client, new InetSocketAddress(InetAddress.getByName("0.0.0.0"),
                0), "s3cret", Duration.ofSeconds(2))) {
            HttpResponse<String> page = send(server, "GET", "/", null, Map.of());
            assertEquals(401, page.statusCode());
            assertTrue(page.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "),
                    "a browser asks for the token itself");
            assertEquals(401, send(server, "GET", "/api/tasks", null, Map.of()).statusCode());
            assertEquals(200, send(server, "GET", "/api/tasks", null, Map.of("X-Ranks-Token", "s3cret")).statusCode());
        }
    }

    @Test
    void aBindBeyondLoopbackWithoutATokenIsRefused() {
        CliRun run = CliRun.of("dashboard", "--bind", "0.0.0.0", "--broker", redis.url());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("--bind 0.0.0.0 reaches beyond this host: it needs --token"), run::toString);
        CliRun port = CliRun.of("dashboard", "--port", "70000", "--broker", redis.url());
        assertEquals(2, port.exitCode(), port::toString);
        assertTrue(port.err().startsWith("--port 70000 is invalid: expected 1 to 65535"), port::toString);
    }

    private static DashboardServer start(String token, Duration sampleEvery) throws IOException {
        return DashboardServer.start(client, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token,
                sampleEvery);
    }

    private static URI uri(DashboardServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(DashboardServer server, String method, String path, String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> get(DashboardServer server, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(server, "GET", path, null, Map.of());
        assertEquals(200, response.statusCode(), response::body);
        return Json.readObject(response.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String key, String value) {
        Map<String, Object> found = rows.stream().filter(r -> value.equals(r.get(key))).findFirst().orElse(null);
        assertNotNull(found, () -> "no " + key + " " + value + " in " + rows);
        return found;
    }

    private interface Read<T> {
        T read() throws IOException, InterruptedException;
    }

    private static <T> T waitFor(Read<T> read, Predicate<T> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.read();
        while (!done.test(value)) {
            T last = value;
            assertTrue(System.nanoTime() < deadline, () -> "still not there after 15 s: " + last);
            Thread.sleep(200);
            value = read.read();
        }
        return value;
    }
}
