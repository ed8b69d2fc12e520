package dev.ranks.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.net.IDN;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every setting of a crawl, immutable, built with {@link #builder()}.
 *
 * <p>The defaults aim to be polite first and fast second, like crawler4j's and Scrapy's: depth 2,
 * no page limit ({@link Long#MAX_VALUE}), connect timeout 10 s, read timeout 20 s (the whole
 * response, body included, so a server trickling bytes cannot hold a fetch slot forever), body cut
 * at 2 MiB, 5 redirects, user agent {@value #DEFAULT_USER_AGENT}, 200 ms between request starts to
 * one host with one request in flight per host, 16 fetches in flight per rank over all hosts,
 * robots.txt obeyed with its {@code Crawl-delay} honoured up to 10 s (a site asking for an hour
 * between requests would otherwise stall the crawl), {@code rel=nofollow} obeyed, only
 * {@code a[href]} followed, no scope limits and no query parameters stripped.
 *
 * <p>{@link Builder#build()} validates everything at once so that bad command-line input fails
 * before any request is made, with an {@code ErrorClass.ARG} message naming the value.
 */
public final class CrawlOptions {
    /** The User-Agent sent by default; its product token {@code Ranks-crawler} is what robots.txt groups match. */
    public static final String DEFAULT_USER_AGENT = "Ranks-crawler/0.1 (+https://ranks.dev/crawler)";

    /** The tags {@link Builder#follow(Set)} accepts, beyond {@code a[href]} which is always followed. */
    public static final Set<String> FOLLOW_TAGS = Set.of("link", "area", "iframe");

    private static final CrawlOptions DEFAULTS = new Builder().build();

    private final int depth;
    private final long maxPages;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final String userAgent;
    private final Duration delay;
    private final int perHost;
    private final int concurrency;
    private final boolean obeyRobots;
    private final Duration maxCrawlDelay;
    private final boolean obeyNofollow;
    private final Set<String> follow;
    private final boolean sameHost;
    private final List<String> allowDomains;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<String> stripParams;

    private CrawlOptions(Builder b, Set<String> follow, List<String> allowDomains,
            List<Pattern> include, List<Pattern> exclude) {
        this.depth = b.depth;
        this.maxPages = b.maxPages;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxRedirects = b.maxRedirects;
        this.userAgent = b.userAgent;
        this.delay = b.delay;
        this.perHost = b.perHost;
        this.concurrency = b.concurrency;
        this.obeyRobots = b.obeyRobots;
        this.maxCrawlDelay = b.maxCrawlDelay;
        this.obeyNofollow = b.obeyNofollow;
        this.follow = follow;
        this.sameHost = b.sameHost;
        this.allowDomains = allowDomains;
        this.include = include;
        this.exclude = exclude;
        this.stripParams = List.copyOf(b.stripParams);
    }

    /**
     * Gives the default settings.
     *
     * @return the defaults listed in the class comment
     */
    public static CrawlOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder from the defaults.
     *
     * @return a new builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder from these settings, to change a few of them.
     *
     * @return a new builder holding these settings
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.depth = depth;
        b.maxPages = maxPages;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxBodyBytes = maxBodyBytes;
        b.maxRedirects = maxRedirects;
        b.userAgent = userAgent;
        b.delay = delay;
        b.perHost = perHost;
        b.concurrency = concurrency;
        b.obeyRobots = obeyRobots;
        b.maxCrawlDelay = maxCrawlDelay;
        b.obeyNofollow = obeyNofollow;
        b.follow = follow;
        b.sameHost = sameHost;
        b.allowDomains = allowDomains;
        b.include = include.stream().map(Pattern::pattern).toList();
        b.exclude = exclude.stream().map(Pattern::pattern).toList();
        b.stripParams = stripParams;
        return b;
    }

    /** @return how many links deep from a seed the crawl goes (0: the seeds only) */
    public int depth() {
        return depth;
    }

    /** @return the most pages the whole crawl fetches, {@link Long#MAX_VALUE} for no limit */
    public long maxPages() {
        return maxPages;
    }

    /** @return the longest wait for a TCP (and TLS) connection */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the longest a request may take from its start to its last body byte, connecting included */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the most body bytes read from one response (after gzip decoding); more are cut */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return the most redirects followed for one page */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** @return the User-Agent header sent with every request, robots.txt requests included */
    public String userAgent() {
        return userAgent;
    }

    /** @return the least time between the starts of two requests to one host */
    public Duration delay() {
        return delay;
    }

    /** @return the most requests in flight to one host at once */
    public int perHost() {
        return perHost;
    }

    /** @return the most fetches in flight at once on one rank, over all hosts */
    public int concurrency() {
        return concurrency;
    }

    /** @return whether robots.txt is fetched and obeyed */
    public boolean obeyRobots() {
        return obeyRobots;
    }

    /** @return the largest robots.txt {@code Crawl-delay} honoured; longer ones are cut to this */
    public Duration maxCrawlDelay() {
        return maxCrawlDelay;
    }

    /** @return whether {@code rel=nofollow} links and {@code <meta name=robots content=nofollow>} pages are not followed */
    public boolean obeyNofollow() {
        return obeyNofollow;
    }

    /** @return the extra tags whose links are followed, a subset of {@link #FOLLOW_TAGS}, lower case */
    public Set<String> follow() {
        return follow;
    }

    /** @return whether only the hosts of the seeds are visited */
    public boolean sameHost() {
        return sameHost;
    }

    /** @return the domains visited (with their subdomains), lower case ASCII; empty for any */
    public List<String> allowDomains() {
        return allowDomains;
    }

    /** @return regexes of which a URL must match at least one (when non-empty) to be visited */
    public List<Pattern> include() {
        return include;
    }

    /** @return regexes none of which a URL may match to be visited */
    public List<Pattern> exclude() {
        return exclude;
    }

    /** @return glob patterns ({@code *} and {@code ?}) of query parameter names removed from URLs */
    public List<String> stripParams() {
        return stripParams;
    }

    @Override
    public String toString() {
        return "CrawlOptions[depth=" + depth + ", maxPages=" + maxPages + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxBodyBytes=" + maxBodyBytes
                + ", maxRedirects=" + maxRedirects + ", userAgent=" + userAgent + ", delay=" + delay
                + ", perHost=" + perHost + ", concurrency=" + concurrency + ", obeyRobots="
                + obeyRobots + ", maxCrawlDelay=" + maxCrawlDelay + ", obeyNofollow=" + obeyNofollow
                + ", follow=" + follow + ", sameHost=" + sameHost + ", allowDomains=" + allowDomains
                + ", include=" + include + ", exclude=" + exclude + ", stripParams=" + stripParams
                + "]";
    }

    /**
     * Collects settings; starts from the defaults. Setters only record values, {@link #build()}
     * checks them all, so that the order of setters never matters.
     */
    public static final class Builder {
        private int depth = 2;
        private long maxPages = Long.MAX_VALUE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private long maxBodyBytes = 2L * 1024 * 1024;
        private int maxRedirects = 5;
        private String userAgent = DEFAULT_USER_AGENT;
        private Duration delay = Duration.ofMillis(200);
        private int perHost = 1;
        private int concurrency = 16;
        private boolean obeyRobots = true;
        private Duration maxCrawlDelay = Duration.ofSeconds(10);
        private boolean obeyNofollow = true;
        private Set<String> follow = Set.of();
        private boolean sameHost;
        private List<String> allowDomains = List.of();
        private List<String> include = List.of();
        private List<String> exclude = List.of();
        private List<String> stripParams = List.of();

        private Builder() {
        }

        /**
         * Sets how many links deep from a seed the crawl goes.
         *
         * @param depth 0 or more; 0 fetches the seeds only
         * @return this builder
         */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the most pages the whole crawl fetches.
         *
         * @param maxPages 1 or more; {@link Long#MAX_VALUE} for no limit
         * @return this builder
         */
        public Builder maxPages(long maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the read timeout, which bounds the whole response, body included.
         *
         * @param readTimeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Sets the most body bytes read from one response.
         *
         * @param maxBodyBytes 1 or more
         * @return this builder
         */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the most redirects followed for one page.
         *
         * @param maxRedirects 0 or more; with 0 a redirect is recorded, with its status, as
         *     {@link ErrorKind#TOO_MANY_REDIRECTS} and not followed
         * @return this builder
         */
        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Sets the User-Agent header; its first word (up to {@code /}) is the product token
         * robots.txt groups are matched against.
         *
         * @param userAgent not blank
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Sets the least time between the starts of two requests to one host.
         *
         * @param delay zero or more
         * @return this builder
         */
        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /**
         * Sets the most requests in flight to one host at once.
         *
         * @param perHost 1 or more
         * @return this builder
         */
        public Builder perHost(int perHost) {
            this.perHost = perHost;
            return this;
        }

        /**
         * Sets the most fetches in flight at once on one rank.
         *
         * @param concurrency 1 or more
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Sets whether robots.txt is fetched and obeyed.
         *
         * @param obeyRobots false to ignore robots.txt (only for sites you own)
         * @return this builder
         */
        public Builder obeyRobots(boolean obeyRobots) {
            this.obeyRobots = obeyRobots;
            return this;
        }

        /**
         * Sets the largest robots.txt {@code Crawl-delay} honoured.
         *
         * @param maxCrawlDelay zero or more
         * @return this builder
         */
        public Builder maxCrawlDelay(Duration maxCrawlDelay) {
            this.maxCrawlDelay = maxCrawlDelay;
            return this;
        }

        /**
         * Sets whether nofollow hints are obeyed.
         *
         * @param obeyNofollow false to follow {@code rel=nofollow} links too
         * @return this builder
         */
        public Builder obeyNofollow(boolean obeyNofollow) {
            this.obeyNofollow = obeyNofollow;
            return this;
        }

        /**
         * Sets the extra tags whose links are followed.
         *
         * @param follow names from {@link #FOLLOW_TAGS}, any case
         * @return this builder
         */
        public Builder follow(Set<String> follow) {
            this.follow = follow;
            return this;
        }

        /**
         * Sets whether only the hosts of the seeds are visited.
         *
         * @param sameHost true to stay on the seeds' hosts
         * @return this builder
         */
        public Builder sameHost(boolean sameHost) {
            this.sameHost = sameHost;
            return this;
        }

        /**
         * Sets the domains visited, each with its subdomains.
         *
         * @param allowDomains domain names such as {@code example.com}; empty for any
         * @return this builder
         */
        public Builder allowDomains(List<String> allowDomains) {
            this.allowDomains = allowDomains;
            return this;
        }

        /**
         * Sets regexes of which a URL must match one (searched anywhere in the URL) to be visited.
         *
         * @param regexes Java regexes; empty for no constraint
         * @return this builder
         */
        public Builder include(List<String> regexes) {
            this.include = regexes;
            return this;
        }

        /**
         * Sets regexes none of which a URL may match (searched anywhere in the URL).
         *
         * @param regexes Java regexes
         * @return this builder
         */
        public Builder exclude(List<String> regexes) {
            this.exclude = regexes;
            return this;
        }

        /**
         * Sets the query parameters removed from every URL (session ids, tracking tags), so that
         * spellings of one page differing only in them are fetched once.
         *
         * @param stripParams parameter names or globs such as {@code utm_*}; {@code *} matches any
         *     run of characters and {@code ?} one character; names compare case-sensitively
         * @return this builder
         */
        public Builder stripParams(List<String> stripParams) {
            this.stripParams = stripParams;
            return this;
        }

        /**
         * Checks every setting and builds the options.
         *
         * @return the options
         * @throws RanksException with {@code ErrorClass.ARG} naming the first bad value
         */
        public CrawlOptions build() {
            if (depth < 0) {
                throw arg("depth " + depth + " is negative; expected 0 or more");
            }
            if (maxPages < 1) {
                throw arg("max pages " + maxPages + " is not positive; expected 1 or more");
            }
            positive("connect timeout", connectTimeout);
            positive("read timeout", readTimeout);
            if (maxBodyBytes < 1) {
                throw arg("max body bytes " + maxBodyBytes + " is not positive; expected 1 or more");
            }
            if (maxRedirects < 0) {
                throw arg("max redirects " + maxRedirects + " is negative; expected 0 or more");
            }
            if (userAgent == null || userAgent.isBlank()) {
                throw arg("user agent '" + userAgent + "' is blank; expected a product token such as "
                        + DEFAULT_USER_AGENT);
            }
            if (userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw arg("user agent '" + userAgent + "' holds control characters");
            }
            notNegative("delay", delay);
            if (perHost < 1) {
                throw arg("per-host " + perHost + " is not positive; expected 1 or more");
            }
            if (concurrency < 1) {
                throw arg("concurrency " + concurrency + " is not positive; expected 1 or more");
            }
            notNegative("max crawl delay", maxCrawlDelay);
            Objects.requireNonNull(follow, "follow");
            Set<String> tags = new LinkedHashSet<>();
            for (String tag : follow) {
                String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
                if (!FOLLOW_TAGS.contains(t)) {
                    throw arg("follow tag '" + tag + "' is unknown; expected link, area or iframe");
                }
                tags.add(t);
            }
            List<String> domains = new ArrayList<>();
            for (String domain : Objects.requireNonNull(allowDomains, "allowDomains")) {
                domains.add(domain(domain));
            }
            for (String glob : Objects.requireNonNull(stripParams, "stripParams")) {
                if (glob == null || glob.isEmpty()) {
                    throw arg("strip-param pattern '" + glob + "' is empty; expected a name or glob such as utm_*");
                }
            }
            return new CrawlOptions(this, Collections.unmodifiableSet(tags), List.copyOf(domains),
                    compile("include", include), compile("exclude", exclude));
        }

        private static String domain(String raw) {
            String d = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (d.startsWith(".")) {
                d = d.substring(1);
            }
            if (d.isEmpty() || d.contains("/") || d.contains(":") || d.contains(" ")) {
                throw arg("allowed domain '" + raw + "' is not a domain name; expected e.g. example.com");
            }
            try {
                return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new RanksException(ErrorClass.ARG, -1, "allowed domain '" + raw
                        + "' is not a valid domain name: " + e.getMessage(), e);
            }
        }

        private static List<Pattern> compile(String what, List<String> regexes) {
            List<Pattern> patterns = new ArrayList<>();
            for (String regex : Objects.requireNonNull(regexes, what)) {
                if (regex == null) {
                    throw arg(what + " regex is null");
                }
                try {
                    patterns.add(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new RanksException(ErrorClass.ARG, -1, what + " regex '" + regex
                            + "' is invalid: " + e.getDescription(), e);
                }
            }
            return List.copyOf(patterns);
        }

        private static void positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw arg(what + " " + d + " is not positive; expected a duration above zero");
            }
        }

        private static void notNegative(String what, Duration d) {
            if (d == null || d.isNegative()) {
                throw arg(what + " " + d + " is negative; expected zero or more");
            }
        }

        private static RanksException arg(String message) {
            return new RanksException(ErrorClass.ARG, message);
        }
    }
}
