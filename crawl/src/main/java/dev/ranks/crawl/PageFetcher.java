package dev.ranks.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * One rank's fetcher: downloads pages politely and turns each into a {@link PageRecord}.
 *
 * <p><b>HTTP.</b> One {@link HttpClient} asks for HTTP/2 (over TLS by ALPN; on cleartext it tries
 * the h2c upgrade and stays on HTTP/1.1 when the server ignores it). It sends our User-Agent and
 * {@code Accept-Encoding: gzip}, and decodes gzip itself, as the JDK client does not. The read
 * timeout bounds each request from its start to the last body byte (connecting, as in the JDK
 * client's own request timeout, included), and the connect timeout bounds connecting alone: a
 * server that sends headers and then trickles the body is cut off like one that never answers,
 * where a per-read socket timeout (crawler4j's) would wait on as long as bytes keep coming. Bodies beyond the maximum are cut, marked {@code truncated} with {@link
 * ErrorKind#TOO_LARGE}, and what was read is still parsed. Redirects (301, 302, 303, 307, 308) are
 * followed by hand, each hop scheduled like any request (so politeness and robots.txt apply to
 * the target too), up to the maximum; a hop back to a URL already in the chain (the target's
 * {@link Target#redirectChain()} included) is a {@link ErrorKind#REDIRECT_LOOP}, a redirect
 * without a Location a {@link ErrorKind#BAD_URL}. Before following a hop the fetcher asks the
 * call's {@link RedirectPolicy}; a declined hop ends the record at the redirect, with the target
 * as its final URL and no error. Only {@code text/html} and {@code application/xhtml+xml} 2xx
 * bodies are parsed; other responses are recorded with their status and type.
 *
 * <p><b>Politeness.</b> Requests to one host (host and port, {@link UrlNormalizer#hostKey}) start
 * at least {@code max(delay, min(Crawl-delay, maxCrawlDelay))} apart, measured when a request is
 * handed to the HTTP client, with at most {@code perHost} in flight; robots.txt requests count as
 * requests to their host. Over all hosts at most {@code concurrency} requests are in flight. A
 * scheduler hands a request to a worker only when its host may take it, so a host that must wait
 * never holds a worker while another host could be served (the reason crawler4j and Scrapy also
 * queue per host). robots.txt is fetched once per host, before the host's first page; callers
 * waiting for it are simply queued behind it. A disallowed URL is never requested: its record says
 * {@link ErrorKind#ROBOTS}. robots.txt answering 4xx allows everything; 5xx (and 429) disallows
 * everything (RFC 9309 §2.3.1.4); when it cannot be read at all (DNS, refused, timeout, TLS, I/O),
 * the host's pages are not requested and carry that error with the reason {@code "robots.txt:
 * ..."}, since the host is evidently unreachable. Its redirects are followed (up to five) within
 * the robots request.
 *
 * <p>Failures never escape: each becomes the page's {@link ErrorKind} and a short reason. The
 * fetcher is thread-safe; several {@link #fetchAll} calls may run at once and share politeness.
 */
public final class PageFetcher implements AutoCloseable {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int DRAIN_BYTES = 64 * 1024;
    private static final int ROBOTS_REDIRECTS = 5;
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    private final CrawlOptions options;
    private final UrlNormalizer normalizer;
    private final PageParser parser;
    private final String productToken;
    private final long delayNanos;
    private final long maxCrawlDelayNanos;
    private final long responseNanos;
    private final ExecutorService clientExecutor;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final HttpClient client;

    private final Object lock = new Object();
    private final Map<String, Host> hosts = new HashMap<>();
    private final Set<Host> waiting = new LinkedHashSet<>();
    private int inFlight;
    private long wakeAt;
    private boolean wakePending;
    private boolean closed;

    /**
     * Creates a fetcher with its threads: {@code concurrency} workers, a timer and the HTTP
     * client's pool, all daemon threads, released by {@link #close()}.
     *
     * @param options the crawl's settings
     */
    public PageFetcher(CrawlOptions options) {
        this.options = options;
        this.normalizer = new UrlNormalizer(options.stripParams());
        this.parser = new PageParser(options, normalizer);
        this.productToken = PageParser.productToken(options.userAgent());
        this.delayNanos = options.delay().toNanos();
        this.maxCrawlDelayNanos = options.maxCrawlDelay().toNanos();
        this.responseNanos = options.readTimeout().toNanos();
        this.clientExecutor = Executors.newCachedThreadPool(threads("ranks-http"));
        this.workers = Executors.newFixedThreadPool(options.concurrency(), threads("ranks-fetch"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("ranks-fetch-timer"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientExecutor)
                .build();
    }

    /**
     * Fetches and parses every target, following every redirect; blocks until all are done.
     * Targets are spread over their hosts by the scheduler, so their order here does not decide
     * the order of requests.
     *
     * @param targets the pages to fetch, normalised URLs
     * @param rank the rank written into the records
     * @return one record per target, in input order; a page's failure is in its record
     * @throws RanksException with {@code ErrorClass.ARG} when the fetcher is closed
     */
    public List<PageRecord> fetchAll(List<Target> targets, int rank) {
        return fetchAll(targets, rank, RedirectPolicy.FOLLOW_ALL);
    }

    /**
     * Fetches and parses every target, following the redirects {@code redirects} accepts; blocks
     * until all are done. A record whose redirect was declined has the redirect's status, the
     * target as its final URL, no links and no error.
     *
     * @param targets the pages to fetch, normalised URLs
     * @param rank the rank written into the records
     * @param redirects asked before each redirect hop whether to follow it
     * @return one record per target, in input order; a page's failure is in its record
     * @throws RanksException with {@code ErrorClass.ARG} when the fetcher is closed
     */
    public List<PageRecord> fetchAll(List<Target> targets, int rank, RedirectPolicy redirects) {
        List<Job> jobs = new ArrayList<>(targets.size());
        for (Target t : targets) {
            jobs.add(new Job(t, rank, redirects));
        }
        submit(jobs);
        List<PageRecord> records = new ArrayList<>(jobs.size());
        for (Job j : jobs) {
            records.add(j.result.join());
        }
        return records;
    }

    /**
     * Fetches and parses one target; blocks until it is done.
     *
     * @param target the page to fetch, a normalised URL
     * @param rank the rank written into the record
     * @return its record; a failure is in the record
     * @throws RanksException with {@code ErrorClass.ARG} when the fetcher is closed
     */
    public PageRecord fetch(Target target, int rank) {
        return fetchAll(List.of(target), rank).get(0);
    }

    /**
     * Stops the fetcher's threads; targets not yet done are recorded as failed with the reason
     * "fetcher closed", so no caller of {@link #fetchAll} waits forever.
     */
    @Override
    public void close() {
        List<Job> abandoned = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Host h : hosts.values()) {
                abandoned.addAll(h.queue);
                h.queue.clear();
            }
            waiting.clear();
        }
        workers.shutdownNow();
        timer.shutdownNow();
        clientExecutor.shutdownNow();
        for (Job j : abandoned) {
            j.finish(0, null, ErrorKind.IO, "fetcher closed");
        }
    }

    // ---------------------------------------------------------------- scheduling

    /** Per-host politeness state; guarded by {@code lock}. */
    private static final class Host {
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        int inFlight;
        boolean started;
        long lastStart;
        long interval;
        RobotsState robots = RobotsState.UNKNOWN;
        RobotsRules rules = RobotsRules.ALLOW_ALL;
        ErrorKind robotsError;
        String robotsReason;

        Host(long interval) {
            this.interval = interval;
        }

        long nextStart() {
            return lastStart + interval;
        }
    }

    private enum RobotsState { UNKNOWN, PENDING, KNOWN }

    /** One target on its way through redirects; each hop is scheduled on the hop's host. */
    private final class Job {
        final Target target;
        final int rank;
        final RedirectPolicy redirects;
        final CompletableFuture<PageRecord> result = new CompletableFuture<>();
        final List<String> chain;
        String url;
        long elapsedNanos;

        Job(Target target, int rank, RedirectPolicy redirects) {
            this.target = target;
            this.rank = rank;
            this.redirects = redirects;
            this.chain = new ArrayList<>(target.redirectChain());
            this.url = target.url();
        }

        void finish(int status, String contentType, ErrorKind kind, String reason) {
            result.complete(new PageRecord(target.url(), url, status, contentType, target.depth(),
                    null, List.of(), List.of(), millis(), 0, false, kind, reason, rank));
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        }
    }

    private void submit(List<Job> jobs) {
        List<Job> bad = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new RanksException(ErrorClass.ARG, "the page fetcher is closed; create a new one");
            }
            for (Job j : jobs) {
                try {
                    j.url = normalizer.normalize(j.url);
                    enqueue(j, false);
                } catch (BadUrlException e) {
                    bad.add(j);
                }
            }
        }
        for (Job j : bad) {
            j.finish(0, null, ErrorKind.BAD_URL, "bad URL: " + badReason(j.url));
        }
        pump();
    }

    private String badReason(String url) {
        try {
            normalizer.normalize(url);
            return "unknown";
        } catch (BadUrlException e) {
            return e.reason();
        }
    }

    /** Must hold {@code lock}. */
    private void enqueue(Job job, boolean front) {
        Host h = hosts.computeIfAbsent(UrlNormalizer.hostKey(job.url), k -> new Host(delayNanos));
        if (front) {
            h.queue.addFirst(job);
        } else {
            h.queue.addLast(job);
        }
        waiting.add(h);
    }

    /**
     * Starts every request that politeness and the concurrency limit allow now, answers
     * robots-blocked jobs without a request, and sets the timer for the earliest host that will
     * be allowed later. Called after every change: submission, completion, timer.
     */
    private void pump() {
        List<Runnable> later = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            long earliest = 0;
            boolean haveEarliest = false;
            // A snapshot, because a host that gets a request moves to the back of the line: with
            // more hosts than slots, every host gets its turn instead of the first ones forever.
            for (Host h : new ArrayList<>(waiting)) {
                if (inFlight >= options.concurrency()) {
                    // Every slot is busy; the next completion pumps again.
                    break;
                }
                while (!h.queue.isEmpty()) {
                    Job j = h.queue.peekFirst();
                    if (options.obeyRobots() && h.robots == RobotsState.PENDING) {
                        break;
                    }
                    if (options.obeyRobots() && h.robots == RobotsState.KNOWN) {
                        if (h.robotsError != null) {
                            h.queue.pollFirst();
                            ErrorKind kind = h.robotsError;
                            String reason = h.robotsReason;
                            later.add(() -> j.finish(0, null, kind, reason));
                            continue;
                        }
                        if (!h.rules.allowed(UrlNormalizer.pathAndQuery(j.url))) {
                            h.queue.pollFirst();
                            String reason = h.robotsReason != null ? h.robotsReason
                                    : "disallowed by robots.txt";
                            later.add(() -> j.finish(0, null, ErrorKind.ROBOTS, reason));
                            continue;
                        }
                    }
                    if (inFlight >= options.concurrency() || h.inFlight >= options.perHost()) {
                        break;
                    }
                    if (h.started && now - h.nextStart() < 0) {
                        if (!haveEarliest || h.nextStart() - earliest < 0) {
                            earliest = h.nextStart();
                            haveEarliest = true;
                        }
                        break;
                    }
                    inFlight++;
                    h.inFlight++;
                    h.started = true;
                    h.lastStart = now;
                    if (options.obeyRobots() && h.robots == RobotsState.UNKNOWN) {
                        h.robots = RobotsState.PENDING;
                        String robotsUrl = UrlNormalizer.robotsUrl(j.url);
                        workers.execute(() -> runRobots(h, robotsUrl));
                        break;
                    }
                    h.queue.pollFirst();
                    waiting.remove(h);
                    waiting.add(h);
                    workers.execute(() -> runHop(h, j));
                }
                if (h.queue.isEmpty()) {
                    waiting.remove(h);
                }
            }
            if (haveEarliest && (!wakePending || earliest - wakeAt < 0)) {
                wakePending = true;
                wakeAt = earliest;
                timer.schedule(this::wake, Math.max(0, earliest - now), TimeUnit.NANOSECONDS);
            }
        }
        later.forEach(Runnable::run);
    }

    private void wake() {
        synchronized (lock) {
            if (System.nanoTime() - wakeAt >= 0) {
                wakePending = false;
            }
        }
        pump();
    }

    /** Records the real start of a request, so that worker hand-off lag never shortens a delay. */
    private void started(Host h) {
        synchronized (lock) {
            h.lastStart = System.nanoTime();
        }
    }

    private void release(Host h) {
        synchronized (lock) {
            inFlight--;
            h.inFlight--;
        }
        pump();
    }

    // ---------------------------------------------------------------- one request

    /** The outcome of one request: a response (status above 0) or a failure, or both for a cut body. */
    private record Exchange(int status, HttpHeaders headers, byte[] body, long bytes, boolean cut,
            ErrorKind kind, String reason, long nanos) {
    }

    private Exchange exchange(Host h, String url, long limit, boolean robots) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(options.readTimeout())
                    .header("User-Agent", options.userAgent())
                    .header("Accept-Encoding", "gzip")
                    .header("Accept", ACCEPT)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return new Exchange(0, null, null, 0, false, ErrorKind.BAD_URL,
                    "bad URL: " + e.getMessage(), 0);
        }
        AtomicReference<BodyCollector> collector = new AtomicReference<>();
        HttpResponse.BodyHandler<BodyCollector.Body> handler = info -> {
            boolean keep = info.statusCode() / 100 == 2 && (robots || isHtml(info.headers()));
            BodyCollector c = new BodyCollector(info.statusCode(), keep ? limit : DRAIN_BYTES, keep);
            collector.set(c);
            return c;
        };
        started(h);
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<BodyCollector.Body>> future = client.sendAsync(request, handler);
        try {
            HttpResponse<BodyCollector.Body> response = future.get(responseNanos, TimeUnit.NANOSECONDS);
            BodyCollector.Body body = response.body();
            return new Exchange(response.statusCode(), response.headers(), body.bytes(), body.count(),
                    body.cut(), null, null, System.nanoTime() - t0);
        } catch (TimeoutException e) {
            BodyCollector c = collector.get();
            future.cancel(true);
            if (c != null) {
                c.cancel();
                return new Exchange(c.status(), null, null, c.count(), false, ErrorKind.TIMEOUT,
                        "body not complete within " + human(options.readTimeout()),
                        System.nanoTime() - t0);
            }
            return new Exchange(0, null, null, 0, false, ErrorKind.TIMEOUT,
                    "no response within " + human(options.readTimeout()), System.nanoTime() - t0);
        } catch (ExecutionException e) {
            BodyCollector c = collector.get();
            Exchange failed = classify(e.getCause(), System.nanoTime() - t0);
            return c == null ? failed : new Exchange(c.status(), null, null, c.count(), false,
                    failed.kind, failed.reason, failed.nanos);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange(0, null, null, 0, false, ErrorKind.IO, "interrupted",
                    System.nanoTime() - t0);
        }
    }

    private Exchange classify(Throwable t, long nanos) {
        ErrorKind kind = ErrorKind.IO;
        String reason = null;
        if (has(t, UnresolvedAddressException.class) || has(t, UnknownHostException.class)) {
            kind = ErrorKind.DNS;
            reason = "host name not resolved";
        } else if (has(t, HttpConnectTimeoutException.class)) {
            kind = ErrorKind.TIMEOUT;
            reason = "no connection within " + human(options.connectTimeout());
        } else if (has(t, HttpTimeoutException.class)) {
            kind = ErrorKind.TIMEOUT;
            reason = "no response within " + human(options.readTimeout());
        } else if (has(t, SSLException.class)) {
            kind = ErrorKind.TLS;
            reason = "TLS failed: " + message(find(t, SSLException.class));
        } else if (has(t, ConnectException.class)) {
            kind = ErrorKind.REFUSED;
            reason = "connection refused";
        } else {
            reason = message(t);
        }
        return new Exchange(0, null, null, 0, false, kind, reason, nanos);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + ": " + m;
    }

    // ---------------------------------------------------------------- pages

    private void runHop(Host h, Job job) {
        boolean requeued = false;
        try {
            job.chain.add(job.url);
            Exchange ex = exchange(h, job.url, options.maxBodyBytes(), false);
            job.elapsedNanos += ex.nanos;
            if (ex.kind == null && REDIRECTS.contains(ex.status)) {
                requeued = redirect(job, ex, ex.headers.firstValue("Location"));
            } else {
                job.result.complete(record(job, ex));
            }
        } catch (RuntimeException | Error e) {
            job.finish(0, null, ErrorKind.IO, "internal error: " + message(e));
            throw e;
        } finally {
            if (requeued) {
                synchronized (lock) {
                    if (closed) {
                        job.finish(0, null, ErrorKind.IO, "fetcher closed");
                    } else {
                        enqueue(job, true);
                    }
                }
            }
            release(h);
        }
    }

    /** @return true when the job goes on to the redirect's target */
    private boolean redirect(Job job, Exchange ex, Optional<String> location) {
        String type = mediaType(ex.headers);
        if (location.isEmpty()) {
            // Without it a redirect status would read as a hand-off to this very URL.
            job.finish(ex.status, type, ErrorKind.BAD_URL, "redirect without a Location header");
            return false;
        }
        String next;
        try {
            next = normalizer.resolve(job.url, location.get());
        } catch (BadUrlException e) {
            job.finish(ex.status, type, ErrorKind.BAD_URL, "redirect to '" + location.get() + "': "
                    + e.reason());
            return false;
        }
        if (job.chain.contains(next)) {
            job.finish(ex.status, type, ErrorKind.REDIRECT_LOOP,
                    "redirect loop: " + String.join(" -> ", job.chain) + " -> " + next);
            return false;
        }
        if (job.chain.size() > options.maxRedirects()) {
            job.finish(ex.status, type, ErrorKind.TOO_MANY_REDIRECTS,
                    "more than " + options.maxRedirects() + " redirects");
            return false;
        }
        boolean follow = job.redirects.follow(new Target(next, job.target.depth(), job.chain));
        job.url = next;
        if (!follow) {
            job.result.complete(new PageRecord(job.target.url(), next, ex.status, type,
                    job.target.depth(), null, List.of(), List.of(), job.millis(), ex.bytes, false,
                    null, null, job.rank));
        }
        return follow;
    }

    private PageRecord record(Job job, Exchange ex) {
        Target t = job.target;
        if (ex.status == 0) {
            return new PageRecord(t.url(), job.url, 0, null, t.depth(), null, List.of(), List.of(),
                    job.millis(), ex.bytes, false, ex.kind, ex.reason, job.rank);
        }
        String type = ex.headers == null ? null : mediaType(ex.headers);
        if (ex.kind != null) {
            return new PageRecord(t.url(), job.url, ex.status, type, t.depth(), null, List.of(),
                    List.of(), job.millis(), ex.bytes, false, ex.kind, ex.reason, job.rank);
        }
        if (ex.status >= 400) {
            ErrorKind kind = ex.status >= 500 ? ErrorKind.HTTP_5XX : ErrorKind.HTTP_4XX;
            return new PageRecord(t.url(), job.url, ex.status, type, t.depth(), null, List.of(),
                    List.of(), job.millis(), ex.bytes, false, kind, "HTTP " + ex.status, job.rank);
        }
        if (ex.status / 100 != 2 || !isHtml(ex.headers)) {
            return new PageRecord(t.url(), job.url, ex.status, type, t.depth(), null, List.of(),
                    List.of(), job.millis(), ex.bytes, false, null, null, job.rank);
        }
        Decoded body;
        try {
            body = decode(ex, options.maxBodyBytes());
        } catch (IOException e) {
            return new PageRecord(t.url(), job.url, ex.status, type, t.depth(), null, List.of(),
                    List.of(), job.millis(), ex.bytes, false, ErrorKind.IO, e.getMessage(), job.rank);
        }
        PageParser.Parsed parsed = parser.parse(body.bytes, charset(ex.headers), job.url);
        boolean cut = body.cut;
        return new PageRecord(t.url(), job.url, ex.status, type, t.depth(), parsed.title(),
                parsed.links(), parsed.badLinks(), job.millis(), body.bytes.length, cut,
                cut ? ErrorKind.TOO_LARGE : null,
                cut ? "body cut at " + options.maxBodyBytes() + " bytes" : null, job.rank);
    }

    /** A body after content decoding, and whether it was cut at the limit. */
    private record Decoded(byte[] bytes, boolean cut) {
    }

    /**
     * Undoes gzip, which we asked for; the limit applies to the decoded bytes, since those are
     * what parsing holds in memory. A body cut before the end of its gzip stream decodes as far as
     * it goes.
     */
    private static Decoded decode(Exchange ex, long limit) throws IOException {
        String encoding = ex.headers.firstValue("Content-Encoding").orElse("identity")
                .trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return new Decoded(ex.body, ex.cut);
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new IOException("unsupported Content-Encoding '" + encoding + "'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean cut = ex.cut;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(ex.body))) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                long room = limit - out.size();
                if (n > room) {
                    out.write(buf, 0, (int) room);
                    cut = true;
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (EOFException e) {
            if (!ex.cut) {
                throw new IOException("gzip body ends early", e);
            }
        } catch (ZipException e) {
            if (!ex.cut || out.size() == 0) {
                throw new IOException("bad gzip body: " + e.getMessage(), e);
            }
        }
        return new Decoded(out.toByteArray(), cut);
    }

    private static boolean isHtml(HttpHeaders headers) {
        String type = mediaType(headers);
        return "text/html".equals(type) || "application/xhtml+xml".equals(type);
    }

    private static String mediaType(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Content-Type");
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get();
        int semi = v.indexOf(';');
        String type = (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    private static String charset(HttpHeaders headers) {
        String v = headers.firstValue("Content-Type").orElse("");
        for (String param : v.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String cs = p.substring("charset=".length()).trim();
                if (cs.length() >= 2 && cs.startsWith("\"") && cs.endsWith("\"")) {
                    cs = cs.substring(1, cs.length() - 1);
                }
                return cs.isEmpty() ? null : cs;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- robots.txt

    private void runRobots(Host h, String robotsUrl) {
        RobotsRules rules = RobotsRules.ALLOW_ALL;
        ErrorKind error = null;
        String reason = null;
        try {
            String url = robotsUrl;
            for (int hops = 0; ; hops++) {
                Exchange ex = exchange(h, url, RobotsRules.MAX_BYTES, true);
                if (ex.kind != null) {
                    error = ex.kind;
                    reason = "robots.txt: " + ex.reason;
                    break;
                }
                int status = ex.status;
                Optional<String> location = REDIRECTS.contains(status) && ex.headers != null
                        ? ex.headers.firstValue("Location") : Optional.empty();
                if (location.isPresent() && hops < ROBOTS_REDIRECTS) {
                    try {
                        url = normalizer.resolve(url, location.get());
                        continue;
                    } catch (BadUrlException e) {
                        break;
                    }
                }
                if (status / 100 == 2) {
                    rules = RobotsRules.parse(robotsText(ex), productToken);
                } else if (status >= 500 || status == 429) {
                    rules = RobotsRules.DISALLOW_ALL;
                    reason = "robots.txt answered " + status + ", so the host counts as disallowed";
                }
                break;
            }
        } catch (RuntimeException | Error e) {
            rules = RobotsRules.DISALLOW_ALL;
            reason = "robots.txt: internal error: " + message(e);
            throw e;
        } finally {
            synchronized (lock) {
                h.rules = rules;
                h.robotsError = error;
                h.robotsReason = reason;
                h.robots = RobotsState.KNOWN;
                Duration crawlDelay = rules.crawlDelay();
                if (crawlDelay != null) {
                    h.interval = Math.max(delayNanos, Math.min(crawlDelay.toNanos(), maxCrawlDelayNanos));
                }
            }
            release(h);
        }
    }

    private static String robotsText(Exchange ex) {
        try {
            return new String(decode(ex, RobotsRules.MAX_BYTES).bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
