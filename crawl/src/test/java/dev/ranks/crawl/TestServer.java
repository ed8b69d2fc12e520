package dev.ranks.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on loopback for fetcher tests: routes by path (query included when a route
 * names one), records every request with its arrival time and headers, and tracks how many
 * requests are in flight at once, shared across servers through {@link #globalInFlight}.
 */
final class TestServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body as separate segments; with Nagle on, the
        // client's delayed ACK adds up to 40 ms to every response, which would blur timings.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as the server saw it. */
    record Hit(String path, long nanos, String userAgent, String acceptEncoding) {
    }

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger[] global;

    TestServer(AtomicInteger... globalInFlightAndMax) throws IOException {
        this.global = globalInFlightAndMax;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    TestServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    TestServer html(String path, String html) {
        return route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
    }

    TestServer redirect(String path, int status, String location) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    TestServer status(String path, int status) {
        return route(path, ex -> send(ex, status, "text/html", "<h1>" + status + "</h1>"));
    }

    TestServer robots(String text) {
        return route("/robots.txt", ex -> send(ex, 200, "text/plain", text));
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String full = query == null ? path : path + "?" + query;
        hits.add(new Hit(full, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent"),
                ex.getRequestHeaders().getFirst("Accept-Encoding")));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (global.length == 2) {
            global[1].accumulateAndGet(global[0].incrementAndGet(), Math::max);
        }
        try {
            Handler h = routes.getOrDefault(full, routes.get(path));
            if (h == null) {
                send(ex, 404, "text/html", "<h1>not found</h1>");
            } else {
                h.handle(ex);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a timeout or a cut body): nothing left to answer.
        } finally {
            inFlight.decrementAndGet();
            if (global.length == 2) {
                global[0].decrementAndGet();
            }
            ex.close();
        }
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    long count(String path) {
        return hits().stream().filter(h -> h.path().equals(path)).count();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
