package dev.ranks.crawl;

/**
 * Decides, hop by hop, whether a {@link PageFetcher} follows a redirect itself or ends the page's
 * record at the redirect and leaves the target to its caller.
 *
 * <p>A standalone fetcher follows everything ({@link #FOLLOW_ALL}). A crawl partitioned over ranks
 * cannot: a hop to a host another rank owns must be fetched by that owner, or politeness for the
 * hop would be per rank, and a hop to a URL the crawl has already taken must not be fetched again,
 * or the URL would be fetched twice. So the crawl's policy follows a hop only when it may fetch
 * the URL itself, and claims the URL (marks it seen) in the same step, so that a later link to it
 * is dropped.
 *
 * <p>When a hop is declined, the page's record ends at the redirect: its status is the redirect's
 * (3xx), its {@code finalUrl} is the target, and it carries no error. The caller then fetches the
 * target as a page of its own, passing {@link Target#redirectChain()} on, so that a loop through
 * several hand-offs is still a {@link ErrorKind#REDIRECT_LOOP} and the redirect limit still counts
 * every hop.
 */
@FunctionalInterface
public interface RedirectPolicy {
    /** Follows every redirect: the behaviour of a fetcher used on its own. */
    RedirectPolicy FOLLOW_ALL = hop -> true;

    /**
     * Decides whether the fetcher follows one redirect hop now. It is asked only about hops that
     * are neither a loop nor beyond the redirect limit, and whose Location is a valid URL. It is
     * called from the fetcher's worker threads, possibly several at once.
     *
     * @param hop the redirect's target: its normalised URL, the depth of the page being fetched,
     *     and as its redirect chain the URLs requested for the page so far, oldest first (the last
     *     one answered with this redirect)
     * @return true to fetch the target now as part of the page's record; false to end the record
     *     at the redirect
     */
    boolean follow(Target hop);
}
