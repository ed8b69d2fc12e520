package dev.ranks.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The robots.txt rules that apply to our user agent on one host, as RFC 9309 defines them.
 *
 * <p>Group choice (§2.2.1): the groups whose {@code User-agent} names our product token (compared
 * case-insensitively; a line's value counts up to its first character outside letters, {@code -}
 * and {@code _}, so {@code Ranks-crawler/0.1} names {@code ranks-crawler}) are combined; when none
 * does, the {@code *} groups are combined; when there are none either, everything is allowed.
 * Consecutive {@code User-agent} lines share one group; rules before any {@code User-agent} line
 * belong to no group.
 *
 * <p>Precedence (§2.2.2): the rule whose path pattern is longest (most octets) among those that
 * match wins, whatever its order in the file, and {@code Allow} wins a tie, so {@code Disallow: /}
 * with {@code Allow: /public/} opens exactly {@code /public/}. Patterns may hold {@code *} (any
 * run of characters) and end in {@code $} (end of the URL); without {@code $} a pattern matches a
 * prefix. Patterns and URLs are compared after the same percent-encoding normalisation
 * ({@link UrlNormalizer#normalizeEncoding}). An empty {@code Disallow} allows everything and
 * {@code /robots.txt} itself is always allowed.
 *
 * <p>{@code Crawl-delay} is not in RFC 9309 but crawler4j, Scrapy and Bing honour it; the largest
 * value among the chosen groups is kept (decimals allowed), and the fetcher caps it.
 */
final class RobotsRules {
    /** No robots.txt (4xx), or robots disabled: everything is allowed. */
    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);

    /** robots.txt answered 5xx or could not be reached: nothing is allowed (§2.3.1.4). */
    static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule("/", false)), null);

    /** The most of a robots.txt read, the 500 KiB RFC 9309 §2.5 asks crawlers to parse at least. */
    static final int MAX_BYTES = 500 * 1024;

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    /** One Allow or Disallow line, its pattern already percent-normalised. */
    private record Rule(String pattern, boolean allow) {
    }

    /**
     * Parses a robots.txt body.
     *
     * @param text the file's text
     * @param productToken our product token, such as {@code Ranks-crawler}
     * @return the rules of the group (or combined groups) that apply to us
     */
    static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration oursDelay = null;
        Duration starDelay = null;
        boolean anyOurs = false;
        boolean anyStar = false;

        boolean groupIsOurs = false;
        boolean groupIsStar = false;
        boolean inAgents = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT).replace(" ", "");
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent") || key.equals("useragent")) {
                if (!inAgents) {
                    groupIsOurs = false;
                    groupIsStar = false;
                    inAgents = true;
                }
                String agent = agentToken(value);
                if (agent.equals(token)) {
                    groupIsOurs = true;
                    anyOurs = true;
                } else if (value.equals("*")) {
                    groupIsStar = true;
                    anyStar = true;
                }
                continue;
            }
            inAgents = false;
            if (!groupIsOurs && !groupIsStar) {
                continue;
            }
            Rule rule = null;
            Duration delay = null;
            switch (key) {
                case "allow" -> rule = value.isEmpty() ? null : new Rule(pattern(value), true);
                case "disallow" -> rule = value.isEmpty() ? null : new Rule(pattern(value), false);
                case "crawl-delay" -> delay = seconds(value);
                default -> {
                    // Sitemap and unknown keys: not rules for this group (RFC 9309 §2.2.4).
                }
            }
            if (groupIsOurs) {
                if (rule != null) {
                    ours.add(rule);
                }
                oursDelay = max(oursDelay, delay);
            } else {
                if (rule != null) {
                    star.add(rule);
                }
                starDelay = max(starDelay, delay);
            }
        }
        if (anyOurs) {
            return new RobotsRules(List.copyOf(ours), oursDelay);
        }
        if (anyStar) {
            return new RobotsRules(List.copyOf(star), starDelay);
        }
        return ALLOW_ALL;
    }

    /**
     * Tells whether a URL may be fetched.
     *
     * @param pathAndQuery the URL's path and query, as {@link UrlNormalizer#pathAndQuery} gives it
     * @return true when no rule matches or the winning rule is an Allow
     */
    boolean allowed(String pathAndQuery) {
        if (pathAndQuery.equals("/robots.txt") || rules.isEmpty()) {
            return true;
        }
        String path = UrlNormalizer.normalizeEncoding(pathAndQuery);
        int bestLength = -1;
        boolean bestAllow = true;
        for (Rule rule : rules) {
            int length = rule.pattern.length();
            if (length < bestLength || (length == bestLength && bestAllow)) {
                continue;
            }
            if (matches(rule.pattern, path)) {
                bestAllow = length == bestLength ? (bestAllow || rule.allow) : rule.allow;
                bestLength = length;
            }
        }
        return bestAllow;
    }

    /**
     * Gives the Crawl-delay the chosen groups asked for.
     *
     * @return the delay, or null when none was given
     */
    Duration crawlDelay() {
        return crawlDelay;
    }

    /**
     * Matches a robots pattern against a path: {@code *} matches any run of characters, a final
     * {@code $} anchors the end, otherwise the pattern needs only to match a prefix. Greedy
     * matching with one backtrack point is exact for patterns whose only wildcard is {@code *}.
     */
    static boolean matches(String pattern, String path) {
        String p = pattern;
        boolean anchored = p.endsWith("$");
        if (anchored) {
            p = p.substring(0, p.length() - 1);
        } else {
            p = p + "*";
        }
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < path.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == path.charAt(si)) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static String pattern(String value) {
        // A "$" inside a pattern is a literal; only a final one anchors, and it must survive
        // the encoding normalisation, which leaves "$" and "*" alone.
        return UrlNormalizer.normalizeEncoding(value);
    }

    private static String agentToken(String value) {
        int end = 0;
        while (end < value.length()) {
            char c = value.charAt(end);
            if (!(Character.isLetter(c) || c == '-' || c == '_')) {
                break;
            }
            end++;
        }
        return value.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            if (s < 0 || Double.isNaN(s) || Double.isInfinite(s)) {
                return null;
            }
            return Duration.ofMillis((long) Math.min(s * 1000, Long.MAX_VALUE / 2.0));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
