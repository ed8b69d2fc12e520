package dev.ranks.launcher;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.UrlNormalizer;
import dev.ranks.workloads.crawl.CrawlJob;
import dev.ranks.workloads.crawl.CrawlSink;
import dev.ranks.workloads.crawl.CrawlSummary;
import dev.ranks.workloads.crawl.JsonLinesOutput;
import dev.ranks.workloads.crawl.ProgressLine;
import dev.ranks.workloads.crawl.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code launcher crawl}: a polite breadth-first web crawl whose frontier is partitioned over the ranks by host. */
@Command(name = "crawl", sortOptions = false, description = {
    "Crawls the web from the seed URLs, breadth first, in parallel over the ranks: each host is owned by one rank,"
        + " which alone fetches it, so the per-host delay and robots.txt hold for the whole job. Each round fetches"
        + " one depth; the links found go to their hosts' owners in one alltoall.",
    "Writes one JSON line per page tried (failed ones included) to stdout or --out, sorted by URL within each"
        + " depth, then a summary on stderr (pages, errors by kind, bytes, pages/s, pages per rank), and a progress"
        + " line on stderr when it is a terminal. Failed pages never stop the crawl. See docs/crawl.md."})
final class CrawlCommand implements Callable<Integer> {
    @ParentCommand
    private Launcher launcher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "Seed URLs (http or https).")
    private List<String> urls = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "FILE",
            description = "More seeds from a file: one URL per line, '#' comments, blank lines ignored.")
    private Path seedsFile;

    @Option(names = "--depth", paramLabel = "D",
            description = "How many links deep to go from the seeds (0: the seeds only). Default: 2.")
    private Integer depth;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Fetch at most N pages over the whole job, failed ones included. Default: no limit.")
    private Long maxPages;

    @Option(names = "--delay", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "Time between the starts of two requests to one host, such as 200ms or 1.5s (a bare number is"
                    + " seconds). Default: 200ms.")
    private Duration delay;

    @Option(names = "--per-host", paramLabel = "N",
            description = "Requests in flight to one host at most. Default: 1.")
    private Integer perHost;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight per rank at most, over all its hosts. Default: 16.")
    private Integer concurrency;

    @Option(names = "--ignore-robots", description = "Do not fetch or obey robots.txt.")
    private boolean ignoreRobots;

    @Option(names = "--max-crawl-delay", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "Cap on a robots.txt Crawl-delay. Default: 10s.")
    private Duration maxCrawlDelay;

    @Option(names = "--ignore-nofollow", description = "Follow links marked rel=nofollow too.")
    private boolean ignoreNofollow;

    @Option(names = "--follow", paramLabel = "TAGS", split = ",",
            description = "Also follow these tags' links besides a[href]: link, area, iframe. Default: none.")
    private List<String> follow = new ArrayList<>();

    @Option(names = "--same-host", description = "Stay on the seeds' hosts (host and port) and the hosts their redirects land on.")
    private boolean sameHost;

    @Option(names = "--allow-domain", paramLabel = "DOMAIN",
            description = "Only visit hosts equal to or under DOMAIN; repeatable. Default: any.")
    private List<String> allowDomains = new ArrayList<>();

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Only visit URLs in which one of these regexes is found; repeatable. Default: any.")
    private List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Never visit URLs in which one of these regexes is found; repeatable.")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--strip-param", paramLabel = "GLOB",
            description = "Remove query parameters whose names match, such as utm_* or sessionid; repeatable.")
    private List<String> stripParams = new ArrayList<>();

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "Time to connect to a server. Default: 10s.")
    private Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "Time for a whole response, body included. Default: 20s.")
    private Duration readTimeout;

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Cut bodies longer than this (suffixes k, m, g); the page is marked truncated. Default: 2m.")
    private Integer maxBytes;

    @Option(names = "--max-redirects", paramLabel = "N", description = "Redirects per chain, hops to other hosts included. Default: 5.")
    private Integer maxRedirects;

    @Option(names = "--user-agent", paramLabel = "STRING",
            description = "The User-Agent header; its first word is what robots.txt groups match. Default: "
                    + CrawlOptions.DEFAULT_USER_AGENT + ".")
    private String userAgent;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON lines to FILE instead of stdout.")
    private Path out;

    @Override
    public Integer call() {
        // Options, seeds and the output file are checked before the ranks start, so that bad input
        // is a usage error naming the value, not a failed rank.
        CrawlOptions options = options();
        List<String> raw = new ArrayList<>(urls);
        if (seedsFile != null) {
            raw.addAll(Seeds.read(seedsFile));
        }
        List<String> seeds = Seeds.normalize(raw, new UrlNormalizer(options.stripParams()));
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter records = out == null ? spec.commandLine().getOut() : OutFile.open("--out", out);
        try {
            CrawlSink sink = new JsonLinesOutput(records);
            if (Terminal.progressWanted(out == null)) {
                sink = sink.andThen(new ProgressLine(err, options.maxPages()));
            }
            CrawlSink rounds = sink;
            return launcher.job().run(spec, 1, comm -> {
                CrawlSummary summary = CrawlJob.run(comm, options, seeds, rounds);
                if (summary != null) {
                    summary.lines().forEach(err::println);
                    err.flush();
                }
            });
        } finally {
            if (out != null) {
                records.close();
            }
        }
    }

    private CrawlOptions options() {
        CrawlOptions.Builder b = CrawlOptions.builder();
        if (depth != null) {
            b.depth(depth);
        }
        if (maxPages != null) {
            b.maxPages(maxPages);
        }
        if (delay != null) {
            b.delay(delay);
        }
        if (perHost != null) {
            b.perHost(perHost);
        }
        if (concurrency != null) {
            b.concurrency(concurrency);
        }
        if (maxCrawlDelay != null) {
            b.maxCrawlDelay(maxCrawlDelay);
        }
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            b.readTimeout(readTimeout);
        }
        if (maxBytes != null) {
            b.maxBodyBytes(maxBytes);
        }
        if (maxRedirects != null) {
            b.maxRedirects(maxRedirects);
        }
        if (userAgent != null) {
            b.userAgent(userAgent);
        }
        return b.obeyRobots(!ignoreRobots).obeyNofollow(!ignoreNofollow).follow(new LinkedHashSet<>(follow))
                .sameHost(sameHost).allowDomains(allowDomains).include(include).exclude(exclude)
                .stripParams(stripParams).build();
    }
}
