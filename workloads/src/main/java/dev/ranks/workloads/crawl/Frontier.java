package dev.ranks.workloads.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.UrlNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One rank's share of a crawl's frontier: the URLs of the hosts this rank owns that the crawl has
 * already taken or fetched, so that the links routed here each round can be cut down to new ones.
 *
 * <p>A host belongs to exactly one rank ({@link #owner}), so a URL is only ever looked up at its
 * owner and the seen set needs no agreement between ranks: dedup is exact, and no URL is fetched
 * twice. The static helpers are the pure steps of a round, apart from the communication that
 * {@link CrawlJob} does between them: {@link #route} sorts URLs out by owner for the alltoall, and
 * {@link #share} applies the page budget when the round's candidates exceed it.
 */
public final class Frontier {
    private final int rank;
    private final int size;
    private final Set<String> seen = new HashSet<>();

    /**
     * Creates an empty frontier share.
     *
     * @param rank the rank holding it
     * @param size the number of ranks in the crawl
     * @throws RanksException ({@link ErrorClass#RANK}) when {@code rank} is not from 0 to {@code size - 1}
     */
    public Frontier(int rank, int size) {
        if (size < 1 || rank < 0 || rank >= size) {
            throw new RanksException(ErrorClass.RANK, "rank " + rank + " is invalid: expected from 0 to "
                    + (size - 1) + " for " + size + " ranks");
        }
        this.rank = rank;
        this.size = size;
    }

    /**
     * Names the rank that owns a URL's host: the hash of its host key ({@code host:port}, see
     * {@link UrlNormalizer#hostKey}) modulo the number of ranks. {@link String#hashCode()} is
     * specified exactly, so every rank, in every JVM, computes the same owner.
     *
     * @param normalizedUrl a normalised URL
     * @param size the number of ranks
     * @return the owner, from 0 to {@code size - 1}
     */
    public static int owner(String normalizedUrl, int size) {
        return Math.floorMod(UrlNormalizer.hostKey(normalizedUrl).hashCode(), size);
    }

    /**
     * Sorts URLs out by owner, for the round's alltoall.
     *
     * @param urls normalised URLs, repeats allowed
     * @param size the number of ranks
     * @return {@code size} lists; list {@code j} holds the distinct URLs rank {@code j} owns, sorted
     */
    public static List<List<String>> route(Collection<String> urls, int size) {
        List<TreeSet<String>> byOwner = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            byOwner.add(new TreeSet<>());
        }
        for (String url : urls) {
            byOwner.get(owner(url, size)).add(url);
        }
        return byOwner.stream().<List<String>>map(List::copyOf).toList();
    }

    /**
     * Takes the URLs this rank has not seen yet and marks them seen.
     *
     * @param urls URLs this rank owns, repeats allowed
     * @return the new ones, distinct and sorted
     * @throws RanksException ({@link ErrorClass#ARG}) when a URL belongs to another rank, which
     *     would break the one-owner rule that makes dedup exact
     */
    public List<String> admit(Collection<String> urls) {
        TreeSet<String> fresh = new TreeSet<>();
        for (String url : urls) {
            if (seen.add(checkOwned(url))) {
                fresh.add(url);
            }
        }
        return List.copyOf(fresh);
    }

    /**
     * Marks URLs as fetched without taking them: the final URLs of redirects, which the fetcher
     * has already requested on the way to another URL's record.
     *
     * @param urls URLs this rank owns
     * @throws RanksException ({@link ErrorClass#ARG}) when a URL belongs to another rank
     */
    public void markSeen(Collection<String> urls) {
        for (String url : urls) {
            seen.add(checkOwned(url));
        }
    }

    /**
     * Counts the URLs seen so far.
     *
     * @return how many distinct URLs this share has taken or marked
     */
    public int seenCount() {
        return seen.size();
    }

    /**
     * Applies a page budget to a round's candidates: the {@code budget} smallest URLs over all
     * ranks, in string order, are taken, and this returns the ones {@code rank} holds. The choice
     * depends only on the URLs, not on how hosts fall to ranks, so a crawl cut by
     * {@code --max-pages} fetches the same pages on any number of ranks.
     *
     * @param candidates every rank's candidates, in rank order, each list sorted
     * @param budget how many pages may still be taken, at least 0
     * @param rank the rank whose share is wanted
     * @return that rank's candidates among the chosen, sorted
     */
    public static List<String> share(List<List<String>> candidates, long budget, int rank) {
        TreeSet<String> all = new TreeSet<>();
        candidates.forEach(all::addAll);
        Set<String> chosen = new HashSet<>();
        for (String url : all) {
            if (chosen.size() >= budget) {
                break;
            }
            chosen.add(url);
        }
        return candidates.get(rank).stream().filter(chosen::contains).toList();
    }

    private String checkOwned(String url) {
        int owner = owner(url, size);
        if (owner != rank) {
            throw new RanksException(ErrorClass.ARG, "URL '" + url + "' is owned by rank " + owner
                    + ", not by rank " + rank);
        }
        return url;
    }
}
