package dev.ranks.crawl;

/**
 * A URL to fetch and the depth it was found at (seeds are depth 0). The depth travels with the URL
 * so that a record can say how far from the seeds its page lies, whichever rank fetched it.
 *
 * @param url the normalised absolute URL
 * @param depth the number of links followed from a seed to reach it, 0 for a seed
 */
public record Target(String url, int depth) {
}
