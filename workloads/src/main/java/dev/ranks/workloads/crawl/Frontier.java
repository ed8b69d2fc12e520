package dev.ranks.workloads.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.RedirectPolicy;
import dev.ranks.crawl.Target;
import dev.ranks.crawl.UrlNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One rank's share of a crawl's frontier: the URLs of the hosts this rank owns that the crawl has
 * already taken or fetched, so that the links and redirect targets routed here can be cut down to
 * new ones.
 *
 * <p>A host belongs to exactly one rank ({@link #owner}), so a URL is only ever looked up at its
 * owner and the seen set needs no agreement between ranks: dedup is exact, and no URL is fetched
 * twice. Redirects keep to that rule through {@link #follow}, this rank's {@link RedirectPolicy}:
 * the fetcher follows a hop only on the host it is already on (so on a host this rank owns) and
 * only to a URL not seen yet, which the claim marks seen; a hop to another host is kept as a
 * hand-off ({@link #takeHandOffs}) for the crawl to route to that host's owner. The static helpers
 * are the pure steps of a round, apart from the communication that {@link CrawlJob} does between
 * them: {@link #route} and {@link #routeTargets} sort URLs out by owner for an alltoall, and
 * {@link #share} applies the page budget when the candidates exceed it.
 */
public final class Frontier implements RedirectPolicy {
    private static final Comparator<Target> BY_URL_THEN_CHAIN = Comparator.comparing(Target::url)
            .thenComparingInt(t -> t.redirectChain().size())
            .thenComparing(t -> String.join(" ", t.redirectChain()));

    private final int rank;
    private final int size;
    // Claims come from the fetcher's worker threads while a fetch runs.
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Queue<Target> handOffs = new ConcurrentLinkedQueue<>();

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
     * Sorts redirect targets out by owner, for the alltoall that hands them over.
     *
     * @param targets redirect targets, repeats allowed
     * @param size the number of ranks
     * @return {@code size} lists; list {@code j} holds the targets rank {@code j} owns, sorted by
     *     URL
     */
    public static List<List<Target>> routeTargets(Collection<Target> targets, int size) {
        List<List<Target>> byOwner = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            byOwner.add(new ArrayList<>());
        }
        for (Target t : targets) {
            byOwner.get(owner(t.url(), size)).add(t);
        }
        byOwner.forEach(list -> list.sort(BY_URL_THEN_CHAIN));
        return byOwner.stream().<List<Target>>map(List::copyOf).toList();
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
     * Takes the redirect targets handed to this rank that it has not seen yet and marks them seen.
     * When several fetches handed over the same URL, the target with the shortest redirect chain
     * is kept (ties go to the chain first in string order), so the choice does not depend on
     * which rank sent which.
     *
     * @param targets targets this rank owns, repeats allowed
     * @return the new ones, one per URL, sorted by URL
     * @throws RanksException ({@link ErrorClass#ARG}) when a target belongs to another rank
     */
    public List<Target> admitTargets(Collection<Target> targets) {
        List<Target> sorted = new ArrayList<>(targets);
        sorted.sort(BY_URL_THEN_CHAIN);
        List<Target> fresh = new ArrayList<>();
        for (Target t : sorted) {
            if (seen.add(checkOwned(t.url()))) {
                fresh.add(t);
            }
        }
        return List.copyOf(fresh);
    }

    /**
     * Decides a redirect hop for this rank's fetcher: it follows a hop that stays on its host
     * (which this rank owns) to a URL not seen yet, and claims that URL, so that a link to it
     * later is dropped; a hop to a URL already seen is not followed (that URL has, or will have,
     * its own record); a hop to another host is not followed but kept for {@link #takeHandOffs},
     * even when this rank owns that host too, so that what a crawl records does not depend on how
     * hosts fall to ranks.
     *
     * @param hop the redirect's target, with the chain that led to it
     * @return true when the fetcher should follow the hop now
     */
    @Override
    public boolean follow(Target hop) {
        List<String> chain = hop.redirectChain();
        String from = chain.get(chain.size() - 1);
        if (!UrlNormalizer.hostKey(from).equals(UrlNormalizer.hostKey(hop.url()))) {
            handOffs.add(hop);
            return false;
        }
        return seen.add(hop.url());
    }

    /**
     * Takes the redirect targets on other hosts that {@link #follow} declined since the last call.
     *
     * @return those targets, to be routed to their owners
     */
    public List<Target> takeHandOffs() {
        List<Target> taken = new ArrayList<>();
        for (Target t = handOffs.poll(); t != null; t = handOffs.poll()) {
            taken.add(t);
        }
        return taken;
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
