package dev.ranks.crawl;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which normalised URLs a crawl may visit. Checks are cheap and purely on the URL, so every rank
 * can apply them to links before routing them, and the same rules hold whichever rank owns a
 * host: {@code sameHost} admits the seeds' hosts (host and port, as {@link UrlNormalizer#hostKey}
 * gives them), {@code allowDomains} admits a host equal to a domain or ending in {@code "." +
 * domain} (so {@code example.com} admits {@code www.example.com} but not {@code badexample.com}),
 * {@code include} needs any one regex to be found in the URL when there are some, and
 * {@code exclude} rejects a URL any regex is found in. All constraints must hold.
 *
 * <p>A seed that redirects (to https, to a {@code www.} host) lands on another host than the one
 * typed, so a crawl widens the same-host rule with the hosts its seeds landed on
 * ({@link #withSameHostsOf}) once it has fetched them.
 */
public final class Scope {
    private final boolean sameHost;
    private final Set<String> seedHosts;
    private final List<String> allowDomains;
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    /**
     * Creates the scope of a crawl.
     *
     * @param options the crawl's settings
     * @param normalizedSeeds the seeds, already normalised
     */
    public Scope(CrawlOptions options, List<String> normalizedSeeds) {
        this.sameHost = options.sameHost();
        this.seedHosts = normalizedSeeds.stream().map(UrlNormalizer::hostKey)
                .collect(Collectors.toUnmodifiableSet());
        this.allowDomains = options.allowDomains();
        this.include = options.include();
        this.exclude = options.exclude();
    }

    private Scope(Scope base, Set<String> seedHosts) {
        this.sameHost = base.sameHost;
        this.seedHosts = seedHosts;
        this.allowDomains = base.allowDomains;
        this.include = base.include;
        this.exclude = base.exclude;
    }

    /**
     * Widens the same-host rule to more hosts: those the seeds' redirects landed on. The other
     * constraints are unchanged; without {@code sameHost} the scope admits the same URLs as before.
     *
     * @param normalizedUrls normalised URLs whose hosts (host and port) count as seed hosts
     * @return a scope that also admits those hosts
     */
    public Scope withSameHostsOf(Collection<String> normalizedUrls) {
        Set<String> hosts = new HashSet<>(seedHosts);
        normalizedUrls.forEach(url -> hosts.add(UrlNormalizer.hostKey(url)));
        return new Scope(this, Set.copyOf(hosts));
    }

    /**
     * Tells whether a URL is inside the crawl.
     *
     * @param normalizedUrl a normalised URL
     * @return true when every configured constraint admits it
     */
    public boolean admits(String normalizedUrl) {
        if (sameHost && !seedHosts.contains(UrlNormalizer.hostKey(normalizedUrl))) {
            return false;
        }
        if (!allowDomains.isEmpty()) {
            String host = UrlNormalizer.host(normalizedUrl);
            if (allowDomains.stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
                return false;
            }
        }
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(normalizedUrl).find())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(normalizedUrl).find());
    }
}
