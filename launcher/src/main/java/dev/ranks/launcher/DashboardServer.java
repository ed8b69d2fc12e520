package dev.ranks.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.redis.QueueReport;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.TaskReport;
import dev.ranks.pipeline.redis.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of {@code launcher dashboard}: the JDK's HTTP server with the page (static files
 * under {@code dev/ranks/launcher/dashboard/}) and the JSON API the page polls, over one broker
 * client. See docs/dashboard.md for the API.
 *
 * <p>Who may do what: without a token (possible on a loopback address only, which the command
 * checks) anyone who can reach the port may read and act. With a token, actions need it, and on
 * an address beyond loopback so does everything else. A request carries it as
 * {@code X-Ranks-Token}, {@code Authorization: Bearer}, or as the password of HTTP basic
 * authentication (any user name), which is what a browser's own prompt sends. Actions are POSTs
 * with a JSON body, and a request whose {@code Origin} is not this server is refused: a web page
 * elsewhere cannot make the browser act for it (a cross-site form cannot send JSON, and a
 * cross-site script's request is refused). On loopback, a request must name a loopback host, so a
 * page that rebinds its own name to 127.0.0.1 gets nothing.
 */
final class DashboardServer implements AutoCloseable {
    private static final String RESOURCES = "/dev/ranks/launcher/dashboard/";
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/index.html", "index.html", "/app.js",
            "app.js", "/style.css", "style.css");
    private static final int MAX_TASKS = 1000;
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer http;
    private final TaskQueue client;
    private final byte[] token;
    private final boolean readsNeedToken;
    private final Throughput throughput = new Throughput(300);
    private final ExecutorService handlers;
    private final ScheduledExecutorService sampler;

    private DashboardServer(HttpServer http, TaskQueue client, String token, boolean readsNeedToken) {
        this.http = http;
        this.client = client;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.readsNeedToken = readsNeedToken;
        this.handlers = Executors.newFixedThreadPool(4, r -> daemon(r, "ranks-dashboard-http"));
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ranks-dashboard-sampler"));
    }

    /**
     * Starts serving.
     *
     * @param client the broker's client; the server uses it and does not close it
     * @param address where to listen; port 0 picks a free one
     * @param token what actions need, or null for none (only where the address is loopback)
     * @param sampleEvery how often the throughput ring takes a sample
     * @return the running server
     * @throws RanksException ({@link ErrorClass#USAGE}) when the address cannot be bound
     */
    static DashboardServer start(TaskQueue client, InetSocketAddress address, String token, Duration sampleEvery) {
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.USAGE, -1, "cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + ": " + e.getMessage() + " (choose another with --port or --bind)", e);
        }
        DashboardServer server = new DashboardServer(http, client, token, !address.getAddress().isLoopbackAddress());
        http.createContext("/", server::handle);
        http.setExecutor(server.handlers);
        http.start();
        server.sampler.scheduleWithFixedDelay(server::sample, 0, sampleEvery.toMillis(), TimeUnit.MILLISECONDS);
        return server;
    }

    /** @return the port it listens on */
    int port() {
        return http.getAddress().getPort();
    }

    private void sample() {
        try {
            throughput.sample(client.report(List.of()), Instant.now());
        } catch (RuntimeException e) {
            // the broker is away: the ring has a gap, and the page says why when its next read fails
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                respond(exchange);
            } catch (BadRequest e) {
                send(exchange, e.status, Map.of("error", e.getMessage()));
            } catch (RanksException e) {
                int status = switch (e.errorClass()) {
                    case UNAVAILABLE -> 503;
                    case ARG, USAGE -> 400;
                    default -> 500;
                };
                send(exchange, status, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                // a fault of the dashboard's own: the page shows the message, the trace goes where the operator looks
                e.printStackTrace();
                send(exchange, 500, Map.of("error", "the dashboard failed: " + e));
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean action = method.equals("POST");
        if (!action && !method.equals("GET")) {
            throw new BadRequest(405, "method " + method + " is not allowed: expected GET, or POST for an action");
        }
        String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"));
        if (!readsNeedToken && !loopbackName(host)) {
            throw new BadRequest(403, "Host " + host + " is refused: a dashboard on loopback answers to localhost,"
                    + " 127.0.0.1 or [::1] only");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (action && origin != null && !host.equals(authority(origin))) {
            throw new BadRequest(403, "an action from the page of " + origin + " is refused: only this dashboard's own"
                    + " page (" + host + ") may act");
        }
        if (!authorised(exchange, action)) {
            if (!action) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Ranks dashboard\", charset=\"UTF-8\"");
            }
            throw new BadRequest(401, "this needs the dashboard's token: send it as X-Ranks-Token, Authorization: Bearer,"
                    + " or the password of basic authentication");
        }
        if (action) {
            act(exchange, path);
            return;
        }
        String file = FILES.get(path);
        if (file != null) {
            sendFile(exchange, file);
            return;
        }
        Map<String, String> query = query(exchange);
        if (path.equals("/api/queues")) {
            QueueReport report = client.report(List.of());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (QueueReport.Row row : report.queues()) {
                rows.add(map("name", row.name(), "waiting", row.depth(), "in_flight", row.inFlight(), "dead", row.dead(),
                        "workers", row.workers()));
            }
            send(exchange, 200, map("broker", client.broker().toString(), "queues", rows));
        } else if (path.equals("/api/workers")) {
            send(exchange, 200, map("workers", client.report(List.of()).workers()));
        } else if (path.equals("/api/throughput")) {
            send(exchange, 200, map("samples", throughput.samples()));
        } else if (path.equals("/api/tasks")) {
            int limit = count(query, "limit", 100, MAX_TASKS);
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (TaskReport task : client.recentTasks(limit)) {
                tasks.add(json(task, false));
            }
            send(exchange, 200, map("tasks", tasks));
        } else if (path.startsWith("/api/tasks/")) {
            String id = id(path.substring("/api/tasks/".length()));
            TaskReport task = client.task(id);
            if (task == null) {
                throw new BadRequest(404, "task " + id + " is unknown to the broker: no message, result or revoke holds"
                        + " it (a mistyped id, or a result that has expired)");
            }
            send(exchange, 200, json(task, true));
        } else if (path.equals("/api/dead")) {
            String queue = required(query, "queue");
            List<Map<String, Object>> letters = new ArrayList<>();
            for (String letter : client.deadLetters(queue, count(query, "limit", 100, MAX_TASKS))) {
                Map<String, Object> entry = new LinkedHashMap<>(Json.readObject(letter));
                entry.put("letter", letter);
                letters.add(entry);
            }
            send(exchange, 200, map("queue", queue, "letters", letters));
        } else {
            throw new BadRequest(404, "no such page: " + path);
        }
    }

    private void act(HttpExchange exchange, String path) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new BadRequest(415, "an action's body must be JSON (Content-Type: application/json), not "
                    + (type == null ? "a body without a Content-Type" : type));
        }
        Map<String, Object> body = body(exchange);
        if (path.startsWith("/api/tasks/") && path.endsWith("/revoke")) {
            String id = id(path.substring("/api/tasks/".length(), path.length() - "/revoke".length()));
            TaskQueue.Revoked revoked = client.revoke(List.of(id)).get(0);
            send(exchange, 200, map("id", id, "status", revoked.status(), "where", revoked.where(), "finished",
                    revoked.finished(), "unknown", revoked.unknown()));
        } else if (path.equals("/api/dead/requeue") || path.equals("/api/dead/delete")) {
            String queue = text(body, "queue");
            String letter = text(body, "letter");
            boolean done = path.endsWith("requeue") ? client.requeueDeadLetter(queue, letter)
                    : client.deleteDeadLetter(queue, letter);
            if (!done) {
                throw new BadRequest(409, "that dead letter is no longer on " + queue + ": someone requeued or deleted it");
            }
            send(exchange, 200, map("queue", queue, "done", true));
        } else {
            throw new BadRequest(404, "no such action: " + path);
        }
    }

    private boolean authorised(HttpExchange exchange, boolean action) {
        if (token == null) {
            return true;
        }
        if (!action && !readsNeedToken) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("X-Ranks-Token");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null && authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                given = authorization.substring(7).trim();
            } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    given = pair.substring(pair.indexOf(':') + 1);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a Host header names this machine's loopback. A page elsewhere that gets its own name
     * resolved to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the dashboard.
     */
    private static boolean loopbackName(String host) {
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.[0-9]{1,3}){3}");
    }

    /** The host and port of an Origin header: a page behind a TLS proxy is https, the dashboard http. */
    private static String authority(String origin) {
        int scheme = origin.indexOf("://");
        return scheme < 0 ? origin : origin.substring(scheme + 3);
    }

    /** A task for the API: the list leaves out the result's full text and the traceback, the detail has them. */
    private static Map<String, Object> json(TaskReport task, boolean detail) {
        TaskState state = task.state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", task.id());
        out.put("status", task.status());
        out.put("task", task.call() == null ? null : task.call().task());
        out.put("queue", task.queue());
        out.put("where", task.where());
        out.put("eta", task.eta() == null ? null : task.eta().toString());
        out.put("worker", state == null ? null : state.worker());
        out.put("runtime_ms", state == null || state.runtimeMillis() < 0 ? null : state.runtimeMillis());
        out.put("date_done", state == null || state.dateDone() == null ? null : state.dateDone().toString());
        String outcome = state == null ? null : TaskState.SUCCESS.equals(state.status()) ? Json.write(state.result())
                : firstLine(state.error());
        if (detail) {
            out.put("args", task.call() == null ? null : task.call().args());
            out.put("kwargs", task.call() == null ? null : task.call().kwargs());
            out.put("result", state == null ? null : state.result());
            out.put("error", state == null ? null : state.error());
            out.put("traceback", state == null ? null : state.traceback());
        } else {
            out.put("args", task.call() == null ? null : abbreviate(Json.write(task.call().args())));
            out.put("outcome", outcome == null ? null : abbreviate(outcome));
        }
        return out;
    }

    private static String firstLine(String text) {
        return text == null ? null : text.lines().findFirst().orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private void sendFile(HttpExchange exchange, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = DashboardServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the launcher jar lacks " + RESOURCES + name);
            }
            bytes = in.readAllBytes();
        }
        String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = Json.write(value).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "an action's body must be at most " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        try {
            return Json.readObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (RanksException e) {
            throw new BadRequest(400, "the body is not a JSON object: " + e.getMessage());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static int count(Map<String, String> query, String name, int fallback, int max) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the expected range
        }
        throw new BadRequest(400, name + "=" + value + " is invalid: expected 1 to " + max);
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest(400, "the query parameter " + name + " is missing");
        }
        return value;
    }

    private static String text(Map<String, Object> body, String name) {
        if (!(body.get(name) instanceof String value) || value.isEmpty()) {
            throw new BadRequest(400, "the body's field " + name + " is missing or not a string: got " + body.get(name));
        }
        return value;
    }

    /** A task id from a path: Celery's ids are UUIDs, and anything with a slash or a space is a bad path. */
    private static String id(String raw) {
        String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (id.isEmpty() || !id.matches("[A-Za-z0-9_.:-]{1,200}")) {
            throw new BadRequest(400, "task id '" + id + "' is invalid: expected a task id such as 'launcher submit'"
                    + " prints");
        }
        return id;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        http.stop(0);
        handlers.shutdownNow();
    }

    /** A request the API answers with an HTTP error status and a JSON {@code {"error"}}. */
    private static final class BadRequest extends RanksException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(ErrorClass.ARG, message);
            this.status = status;
        }
    }
}
