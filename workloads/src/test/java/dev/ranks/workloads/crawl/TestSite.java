package dev.ranks.workloads.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real web site of two hosts for the crawl tests: host A is {@code localhost:PORT_A} and
 * host B is {@code 127.0.0.1:PORT_B}, two HTTP servers on loopback. Every request is logged per
 * host with the time it arrived, so tests can count requests per path and check the gaps.
 *
 * <p>The pages (A unless marked B), and what a crawl from A's {@code /} with depth 3 must find:
 * <pre>
 * depth 0  /                 links a.html (twice: ./a.html#top), b.html (host in capitals), itself
 *                            (#section and /), dir/page.html, B's /, /redirect, /private/secret.html,
 *                            http://localhost:80/outside/x.html twice (default port, capitals,
 *                            fragment), /to-b, /r-dup, /dup.html, /cross-loop; a rel=nofollow link
 * depth 1  /a.html           links /, itself, sub/../c.html, /slow.html, /big.html
 *          /b.html           links a.html, /data.json, /broken.html, /missing.html, /error.html, /loop1
 *          /dir/page.html    has {@code <base href="/other/">}: links c.html, ../a.html, /private/open.html
 *          /redirect         302 to /target.html, which links deep.html
 *          /private/secret.html  disallowed by robots.txt, never requested
 *          B /               links /b1.html twice (HTTP://, fragment), A's a.html
 *          /to-b             302 to B's /landing.html: another host, so handed to its owner
 *          B /landing.html   (depth 1, as a redirect is not a link) links /landed-child.html,
 *                            A's a.html and http://localhost:80/outside/y.html
 *          /r-dup            302 to /dup.html, which / links directly: fetched once, as a link
 *          /cross-loop       301 to B's /back, which 302s back to /cross-loop: a loop across
 *                            hosts, seen when B's owner fetches /back
 * depth 2  /c.html           links /target.html (already fetched through the redirect),
 *                            c.html?utm_source=x (itself once utm_* is stripped), /d3.html
 *          /slow.html        answers after {@link #SLOW_MILLIS} ms: a timeout
 *          /big.html         {@link #BIG_BYTES} bytes, links big-child.html at the start and
 *                            big-end.html at the end, past the cut
 *          /data.json        application/json, not parsed
 *          /broken.html      unclosed tags, links m1.html, m2.html and an unparsable http://[::1
 *          /missing.html     404
 *          /error.html       500
 *          /loop1            302 to /loop2, which 302s back: a redirect loop
 *          /other/c.html     links /a.html
 *          /private/open.html    allowed by robots.txt's Allow line
 *          /deep.html        links /d3.html
 *          B /b1.html        links B's / and /b2.html
 *          B /landed-child.html  no links
 * depth 3  /d3.html          links /d4.html (depth 4: recorded, not fetched)
 *          /big-child.html, /m1.html   no links
 *          /m2.html          404
 *          B /b2.html        links /b3.html (depth 4)
 * </pre>
 * A's robots.txt disallows /private/ but allows /private/open.html; B has none (404). Apart from
 * that graph, A's /hop1 302s to B's /hop2, which 302s to A's /hop3, and so on up to /hop6: a chain
 * that crosses hosts at every hop, for the redirect limit.
 */
final class TestSite implements AutoCloseable {
    static {
        // As SyntheticSite explains: without it, keep-alive responses stall on delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** How long /slow.html takes, well beyond the tests' read timeout. */
    static final int SLOW_MILLIS = 3000;
    /** The size of /big.html, beyond the tests' maximum body size. */
    static final int BIG_BYTES = 40 * 1024;

    /** One logged request. */
    record Request(String path, long nanos) {
    }

    private record Response(int status, String type, String body, String location, int sleepMillis) {
    }

    private final HttpServer serverA;
    private final HttpServer serverB;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-site");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<HttpServer, List<Request>> log = new ConcurrentHashMap<>();

    TestSite() {
        try {
            serverA = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            serverB = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve(serverA, pagesA());
        serve(serverB, pagesB());
    }

    /** @return host A's base, such as {@code http://localhost:41234} */
    String a() {
        return "http://localhost:" + serverA.getAddress().getPort();
    }

    /** @return host B's base, such as {@code http://127.0.0.1:41235} */
    String b() {
        return "http://127.0.0.1:" + serverB.getAddress().getPort();
    }

    /** @return the requests host A received, in arrival order */
    List<Request> requestsA() {
        return List.copyOf(log.get(serverA));
    }

    /** @return the requests host B received, in arrival order */
    List<Request> requestsB() {
        return List.copyOf(log.get(serverB));
    }

    @Override
    public void close() {
        serverA.stop(0);
        serverB.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpServer server, Map<String, Response> pages) {
        log.put(server, new CopyOnWriteArrayList<>());
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(server, pages, exchange));
        server.start();
    }

    private void handle(HttpServer server, Map<String, Response> pages, HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            String uri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            log.get(server).add(new Request(uri, now));
            Response response = pages.getOrDefault(uri, new Response(404, "text/html", "<h1>Not found</h1>", null, 0));
            if (response.sleepMillis() > 0) {
                try {
                    Thread.sleep(response.sleepMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.type());
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Map<String, Response> pagesA() {
        int portA = serverA.getAddress().getPort();
        String hostB = "127.0.0.1:" + serverB.getAddress().getPort();
        Map<String, Response> p = new HashMap<>();
        p.put("/robots.txt", new Response(200, "text/plain",
                "User-agent: *\nDisallow: /private/\nAllow: /private/open.html\n", null, 0));
        p.put("/", html("Home", "",
                "<a href=\"a.html\">a</a> <a href=\"./a.html#top\">a again</a>"
                        + " <a href=\"http://LOCALHOST:" + portA + "/b.html\">b</a>"
                        + " <a href=\"#section\">here</a> <a href=\"/\">home</a>"
                        + " <a href=\"dir/page.html\">dir</a> <a href=\"http://" + hostB + "/\">host b</a>"
                        + " <a href=\"/redirect\">moved</a> <a href=\"/private/secret.html\">secret</a>"
                        + " <a href=\"http://localhost:80/outside/x.html\">outside</a>"
                        + " <a href=\"http://LOCALHOST/outside/x.html#frag\">outside again</a>"
                        + " <a href=\"/to-b\">to b</a> <a href=\"/r-dup\">moved dup</a> <a href=\"dup.html\">dup</a>"
                        + " <a href=\"/cross-loop\">cross loop</a>"
                        + " <a rel=\"nofollow\" href=\"nofollow.html\">not followed</a>"));
        p.put("/a.html", html("A", "", "<a href=\"/\">home</a> <a href=\"a.html\">me</a>"
                + " <a href=\"sub/../c.html\">c</a> <a href=\"/slow.html\">slow</a> <a href=\"/big.html\">big</a>"));
        p.put("/b.html", html("B", "", "<a href=\"a.html\">a</a> <a href=\"/data.json\">data</a>"
                + " <a href=\"/broken.html\">broken</a> <a href=\"/missing.html\">missing</a>"
                + " <a href=\"/error.html\">error</a> <a href=\"/loop1\">loop</a>"));
        p.put("/dir/page.html", html("Dir", "<base href=\"/other/\">", "<a href=\"c.html\">c</a>"
                + " <a href=\"../a.html\">a</a> <a href=\"/private/open.html\">open</a>"));
        p.put("/redirect", new Response(302, "text/html", "", "/target.html", 0));
        p.put("/target.html", html("Target", "", "<a href=\"deep.html\">deep</a>"));
        p.put("/private/secret.html", html("Secret", "", ""));
        p.put("/c.html", html("C", "", "<a href=\"/target.html\">target</a>"
                + " <a href=\"c.html?utm_source=x\">me</a> <a href=\"/d3.html\">d3</a>"));
        p.put("/slow.html", new Response(200, "text/html", "<title>Slow</title>", null, SLOW_MILLIS));
        String big = "<html><head><title>Big</title></head><body><a href=\"big-child.html\">child</a><p>";
        String end = "</p><a href=\"big-end.html\">end</a></body></html>";
        p.put("/big.html", new Response(200, "text/html", big + "x".repeat(BIG_BYTES - big.length() - end.length())
                + end, null, 0));
        p.put("/data.json", new Response(200, "application/json", "{\"a\": \"<a href='/x.html'>\"}", null, 0));
        p.put("/broken.html", new Response(200, "text/html", "<html><head><title>Broken</title><body><div>"
                + "<a href=\"m1.html\">one<a href='m2.html'>two</div></span><p><a href=\"http://[::1\">bad</a>"
                + "<table><tr><td>cell", null, 0));
        p.put("/error.html", new Response(500, "text/html", "<h1>Oops</h1>", null, 0));
        p.put("/loop1", new Response(302, "text/html", "", "/loop2", 0));
        p.put("/loop2", new Response(302, "text/html", "", "/loop1", 0));
        p.put("/other/c.html", html("Other C", "", "<a href=\"/a.html\">a</a>"));
        p.put("/private/open.html", html("Open", "", ""));
        p.put("/deep.html", html("Deep", "", "<a href=\"/d3.html\">d3</a>"));
        p.put("/d3.html", html("D3", "", "<a href=\"/d4.html\">d4</a>"));
        p.put("/d4.html", html("D4", "", ""));
        p.put("/big-child.html", html("Big child", "", ""));
        p.put("/m1.html", html("M1", "", ""));
        p.put("/to-b", new Response(302, "text/html", "", "http://" + hostB + "/landing.html", 0));
        p.put("/r-dup", new Response(302, "text/html", "", "/dup.html", 0));
        p.put("/dup.html", html("Dup", "", ""));
        p.put("/cross-loop", new Response(301, "text/html", "", "http://" + hostB + "/back", 0));
        hops(p, 1, hostB);
        return p;
    }

    private Map<String, Response> pagesB() {
        String hostA = "localhost:" + serverA.getAddress().getPort();
        String hostB = "127.0.0.1:" + serverB.getAddress().getPort();
        Map<String, Response> p = new HashMap<>();
        p.put("/", html("B home", "", "<a href=\"/b1.html\">b1</a> <a href=\"HTTP://" + hostB + "/b1.html#x\">b1</a>"
                + " <a href=\"http://" + hostA + "/a.html\">a</a>"));
        p.put("/b1.html", html("B1", "", "<a href=\"/\">home</a> <a href=\"b2.html\">b2</a>"));
        p.put("/b2.html", html("B2", "", "<a href=\"b3.html\">b3</a>"));
        p.put("/b3.html", html("B3", "", ""));
        p.put("/landing.html", html("Landing", "", "<a href=\"landed-child.html\">child</a>"
                + " <a href=\"http://" + hostA + "/a.html\">a</a> <a href=\"http://localhost:80/outside/y.html\">y</a>"));
        p.put("/landed-child.html", html("Landed child", "", ""));
        p.put("/back", new Response(302, "text/html", "", "http://" + hostA + "/cross-loop", 0));
        hops(p, 2, hostA);
        return p;
    }

    /** Puts every other hop of the chain /hop1 to /hop6 on a host, each redirecting to the next on the other. */
    private static void hops(Map<String, Response> pages, int first, String otherHost) {
        for (int i = first; i <= 6; i += 2) {
            pages.put("/hop" + i, new Response(302, "text/html", "", "http://" + otherHost + "/hop" + (i + 1), 0));
        }
    }

    private static Response html(String title, String head, String body) {
        return new Response(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>" + title
                + "</title>" + head + "</head><body>" + body + "</body></html>", null, 0);
    }

    /** @return the paths requested more than once on a host's log, with their counts */
    static Map<String, Integer> repeated(List<Request> requests) {
        Map<String, Integer> counts = new HashMap<>();
        requests.forEach(r -> counts.merge(r.path(), 1, Integer::sum));
        counts.values().removeIf(n -> n == 1);
        return counts;
    }

    /** @return the gaps between consecutive arrivals, in milliseconds */
    static List<Double> gapsMillis(List<Request> requests) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add((requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1e6);
        }
        return gaps;
    }
}
