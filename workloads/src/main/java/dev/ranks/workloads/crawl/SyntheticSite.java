package dev.ranks.workloads.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated web site on loopback for the crawl benchmark: {@code pages} HTML pages spread over
 * {@code hosts} HTTP servers on 127.0.0.1, one port each (so each is a host of its own to the
 * crawler), every page answered after a fixed latency, as a remote server would.
 *
 * <p>Page {@code i} lives at {@code http://127.0.0.1:PORT/p/i.html} on host {@code i % hosts} and
 * links to pages {@code 2i+1} and {@code 2i+2} (so that page 0 reaches every page within about
 * log2(pages) links), to {@value #EXTRA_LINKS} more pages chosen by a fixed hash of {@code i}
 * (cross links, cycles and repeats, as real sites have), and back to page 0. The graph is the same
 * on every run. Every host serves a robots.txt that allows everything.
 *
 * <p>The JDK's server writes a response's headers and body separately and, by default, leaves
 * Nagle's algorithm on, so a keep-alive connection stalls on the client's delayed ACK (40 ms on
 * Linux) between the two: more than the latency simulated. Real servers turn Nagle off (nginx's
 * {@code tcp_nodelay on}), and so does this class, through the JDK server's own switch
 * {@code sun.net.httpserver.nodelay}, set before the first server starts: the JDK reads it once per
 * JVM, so it holds for every {@code com.sun.net.httpserver} server of this JVM.
 */
public final class SyntheticSite implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Links per page beyond the two children and the link home. */
    public static final int EXTRA_LINKS = 3;
    private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(24);
    private static final byte[] ROBOTS = "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.US_ASCII);

    private final int pages;
    private final long latencyMillis;
    private final List<HttpServer> servers = new ArrayList<>();
    private final int[] ports;
    private final ExecutorService executor;
    private final AtomicLong pageRequests = new AtomicLong();

    private SyntheticSite(int pages, int hosts, Duration latency) {
        this.pages = pages;
        this.latencyMillis = latency.toMillis();
        this.ports = new int[hosts];
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "synthetic-site");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the site's servers.
     *
     * @param pages how many pages, at least 1
     * @param hosts how many hosts (ports), from 1 to {@code pages}
     * @param latency how long every page takes to answer, at least 0
     * @return the running site; close it to stop the servers
     * @throws RanksException ({@link ErrorClass#ARG}) naming a bad count or latency
     * @throws UncheckedIOException when a server cannot bind a port
     */
    public static SyntheticSite start(int pages, int hosts, Duration latency) {
        if (pages < 1) {
            throw new RanksException(ErrorClass.ARG, "--pages " + pages + " is invalid: expected at least 1");
        }
        if (hosts < 1 || hosts > pages) {
            throw new RanksException(ErrorClass.ARG, "--hosts " + hosts + " is invalid: expected from 1 to the number"
                    + " of pages, " + pages);
        }
        if (latency.isNegative()) {
            throw new RanksException(ErrorClass.ARG, "--latency " + latency + " is invalid: expected at least 0");
        }
        SyntheticSite site = new SyntheticSite(pages, hosts, latency);
        try {
            site.bind();
        } catch (IOException e) {
            site.close();
            throw new UncheckedIOException("cannot start the synthetic site: " + e.getMessage(), e);
        }
        return site;
    }

    private void bind() throws IOException {
        for (int h = 0; h < ports.length; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            ports[h] = server.getAddress().getPort();
        }
    }

    /**
     * Gives the crawl's seed.
     *
     * @return the URL of page 0
     */
    public String seed() {
        return url(0);
    }

    /**
     * Gives a page's URL.
     *
     * @param page a page number from 0 to {@link #pages()} - 1
     * @return its URL, already normalised
     */
    public String url(int page) {
        return "http://127.0.0.1:" + ports[page % ports.length] + "/p/" + page + ".html";
    }

    /**
     * Gives the number of pages.
     *
     * @return the pages the site serves
     */
    public int pages() {
        return pages;
    }

    /**
     * Lists the pages a page links to, in document order, repeats included.
     *
     * @param page a page number
     * @return the page numbers it links to
     */
    public List<Integer> links(int page) {
        List<Integer> links = new ArrayList<>();
        for (long child = 2L * page + 1; child <= 2L * page + 2 && child < pages; child++) {
            links.add((int) child);
        }
        for (int k = 0; k < EXTRA_LINKS; k++) {
            links.add((int) Math.floorMod(page * 2_654_435_761L + k * 40_503L + 17, (long) pages));
        }
        links.add(0);
        return links;
    }

    /**
     * Finds how deep a crawl from page 0 must go to reach every page: the longest shortest path.
     *
     * @return the depth of the deepest page
     */
    public int depth() {
        int[] depth = new int[pages];
        Arrays.fill(depth, -1);
        depth[0] = 0;
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        int deepest = 0;
        while (!queue.isEmpty()) {
            int page = queue.poll();
            for (int link : links(page)) {
                if (depth[link] < 0) {
                    depth[link] = depth[page] + 1;
                    deepest = Math.max(deepest, depth[link]);
                    queue.add(link);
                }
            }
        }
        return deepest;
    }

    /**
     * Counts the page requests served so far (robots.txt not included).
     *
     * @return how many pages were requested
     */
    public long pageRequests() {
        return pageRequests.get();
    }

    /** Stops the servers and their threads. */
    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                respond(exchange, 200, "text/plain", ROBOTS);
                return;
            }
            int page = pageOf(path);
            if (page < 0) {
                respond(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            pageRequests.incrementAndGet();
            sleepLatency();
            respond(exchange, 200, "text/html; charset=utf-8", html(page).getBytes(StandardCharsets.UTF_8));
        }
    }

    private int pageOf(String path) {
        if (!path.startsWith("/p/") || !path.endsWith(".html")) {
            return -1;
        }
        try {
            int page = Integer.parseInt(path.substring(3, path.length() - 5));
            return page >= 0 && page < pages ? page : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void sleepLatency() {
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String html(int page) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html><head><title>page ").append(page).append("</title></head><body><h1>page ")
                .append(page).append("</h1><p>").append(FILLER).append("</p><ul>");
        for (int link : links(page)) {
            html.append("<li><a href=\"").append(url(link)).append("\">page ").append(link).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
