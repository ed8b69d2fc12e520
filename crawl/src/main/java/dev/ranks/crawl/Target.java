package dev.ranks.crawl;

import java.util.List;

/**
 * A URL to fetch, the depth it was found at (seeds are depth 0), and the redirects that led to it.
 * The depth travels with the URL so that a record can say how far from the seeds its page lies,
 * whichever rank fetched it; the chain travels with a redirect target handed from one fetch to
 * another (see {@link RedirectPolicy}), so that loop detection and the redirect limit span the
 * hand-off.
 *
 * @param url the normalised absolute URL
 * @param depth the number of links followed from a seed to reach it, 0 for a seed; a redirect does
 *     not count as a link
 * @param redirectChain the URLs requested before this one in its redirect chain, oldest first;
 *     empty for a seed or a link
 */
public record Target(String url, int depth, List<String> redirectChain) {

    /**
     * Copies the chain so that a target stays immutable.
     *
     * @param url the normalised absolute URL
     * @param depth the number of links from a seed
     * @param redirectChain the URLs that redirected to this one, oldest first
     */
    public Target {
        redirectChain = List.copyOf(redirectChain);
    }

    /**
     * Creates a target reached by a link, or a seed: one with no redirect before it.
     *
     * @param url the normalised absolute URL
     * @param depth the number of links from a seed, 0 for a seed
     */
    public Target(String url, int depth) {
        this(url, depth, List.of());
    }
}
