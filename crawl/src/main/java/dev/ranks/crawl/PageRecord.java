package dev.ranks.crawl;

import java.util.List;

/**
 * What the crawl learned about one page: one line of the crawl's JSON-lines output.
 *
 * <p>A record is written for every page the crawl tried, failed ones included, so that the output
 * accounts for every URL (as Scrapy's and crawler4j's logs do not, in one place). {@code links}
 * holds every outlink a crawl would follow (normalised, deduplicated, in document order; nofollow
 * honoured per the options) but is NOT filtered by {@link Scope}, so the link graph is complete
 * even where the crawl did not go.
 *
 * @param url the URL requested, normalised
 * @param finalUrl the URL after redirects (equal to {@code url} when there were none); when the
 *     status is a redirect's (301, 302, 303, 307, 308) and there is no error, the fetch did not
 *     follow the last redirect (see {@link RedirectPolicy}) and this is its target, which a crawl
 *     fetches as a record of its own
 * @param status the HTTP status of the last response, 0 when there was no response
 * @param contentType the media type of the last response without parameters, or null
 * @param depth the number of links from a seed, 0 for a seed
 * @param title the page's {@code <title>} text, or null when it has none or was not parsed
 * @param links the outlinks, normalised, deduplicated, in document order
 * @param badLinks {@code "href: reason"} for each href that could not be resolved
 * @param fetchMillis the wall time of the fetch, redirects included, politeness waits excluded
 * @param bytes the body bytes read (after gzip decoding) from the last response
 * @param truncated whether the body was cut at the maximum body size
 * @param errorKind why the fetch failed or was cut, or null
 * @param error a short human reason, or null
 * @param rank the rank that fetched the page
 */
public record PageRecord(String url, String finalUrl, int status, String contentType, int depth,
        String title, List<String> links, List<String> badLinks, long fetchMillis, long bytes,
        boolean truncated, ErrorKind errorKind, String error, int rank) {

    /**
     * Copies the lists so that a record stays immutable.
     *
     * @param url the URL requested, normalised
     * @param finalUrl the URL after redirects, or the target of a redirect not followed
     * @param status the HTTP status, 0 when there was no response
     * @param contentType the media type, or null
     * @param depth the number of links from a seed
     * @param title the title, or null
     * @param links the outlinks
     * @param badLinks the unresolvable hrefs with reasons
     * @param fetchMillis the wall time of the fetch
     * @param bytes the body bytes read
     * @param truncated whether the body was cut
     * @param errorKind the failure kind, or null
     * @param error the failure reason, or null
     * @param rank the fetching rank
     */
    public PageRecord {
        links = List.copyOf(links);
        badLinks = List.copyOf(badLinks);
    }

    /**
     * Writes the record as one JSON line (no newline) with the keys {@code url, final_url, status,
     * content_type, depth, title, links, bad_links, fetch_ms, bytes, truncated, error_kind, error,
     * rank}; absent values are written as {@code null}.
     *
     * @return the JSON object
     */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Reads a record written by {@link #toJson()}.
     *
     * @param line one JSON object
     * @return the record
     * @throws dev.ranks.comm.RanksException with {@code ErrorClass.ARG} when the line is not such an
     *     object
     */
    public static PageRecord fromJson(String line) {
        return Json.read(line);
    }

    /**
     * Gives this record as fetched by another rank.
     *
     * @param rank the rank
     * @return a copy with that rank
     */
    public PageRecord withRank(int rank) {
        return new PageRecord(url, finalUrl, status, contentType, depth, title, links, badLinks,
                fetchMillis, bytes, truncated, errorKind, error, rank);
    }
}
