package dev.ranks.workloads.crawl;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.PageFetcher;
import dev.ranks.crawl.PageRecord;
import dev.ranks.crawl.Scope;
import dev.ranks.crawl.Target;
import dev.ranks.crawl.UrlNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The crawl workload, run by every rank of a job: a breadth-first crawl whose frontier is
 * partitioned by host.
 *
 * <p>Each host belongs to one rank ({@link Frontier#owner}), and only that rank's
 * {@link PageFetcher} requests it, so the per-host delay, the per-host limit and robots.txt hold
 * for the whole job, as if one crawler ran. Round {@code d} fetches the pages of depth {@code d}:
 * <ol>
 * <li>every rank tells the others how many new URLs it holds (allgather); when they exceed what is
 *     left of {@code maxPages}, the ranks also allgather the URLs and take the smallest ones
 *     ({@link Frontier#share}), so the budget is exact and the choice independent of timing and
 *     of the number of ranks; a round with no URL anywhere ends the crawl;</li>
 * <li>every rank fetches its URLs ({@link PageFetcher#fetchAll}, concurrently across hosts);</li>
 * <li>rank 0 gathers the round's records, sorts them by URL and hands them to the sink;</li>
 * <li>unless the depth limit or the budget is reached, every rank sorts the links it found (those
 *     the {@link Scope} admits) and the final URLs of its redirects out by owner, and one alltoall
 *     delivers them; each owner marks the redirect targets seen and keeps the links it has not
 *     seen, which are round {@code d + 1}'s URLs.</li>
 * </ol>
 * Round 0's URLs are the seeds: rank 0 normalises them and broadcasts them (every rank needs them
 * for the scope's same-host rule), and each rank takes those it owns. Seeds are not filtered by the
 * scope: they are what the user asked for.
 */
public final class CrawlJob {
    /** The rank that gathers the records and writes the output. */
    public static final int ROOT = 0;

    private CrawlJob() {
    }

    /**
     * Crawls from the seeds across the ranks of {@code comm}; every rank calls it. Only the root
     * reads {@code seeds} and uses {@code sink}.
     *
     * @param comm this rank's communicator
     * @param options the crawl's settings, the same on every rank
     * @param seeds the URLs to start from, at least one, each an absolute http or https URL
     * @param sink where the root hands each round's records
     * @return on the root, the summary; on the other ranks, null
     * @throws RanksException ({@link ErrorClass#ARG}), on the root, when there are no seeds or a
     *     seed is not an http or https URL
     */
    public static CrawlSummary run(Intracomm comm, CrawlOptions options, List<String> seeds, CrawlSink sink) {
        List<String> normalized = comm.rank() == ROOT ? normalizeSeeds(options, seeds) : null;
        return crawl(comm, options, comm.bcast(normalized, ROOT), sink);
    }

    private static CrawlSummary crawl(Intracomm comm, CrawlOptions options, List<String> seeds, CrawlSink sink) {
        int rank = comm.rank();
        int size = comm.size();
        boolean root = rank == ROOT;
        double start = comm.wtime();
        Scope scope = new Scope(options, seeds);
        Frontier frontier = new Frontier(rank, size);
        Tally tally = root ? new Tally(size) : null;
        List<String> candidates = frontier.admit(Frontier.route(seeds, size).get(rank));
        long remaining = options.maxPages();
        boolean cut = false;
        try (PageFetcher fetcher = new PageFetcher(options)) {
            for (int depth = 0; ; depth++) {
                long total = comm.<Integer>allgather(candidates.size()).stream().mapToLong(Integer::longValue).sum();
                List<String> mine = candidates;
                if (total > remaining) {
                    mine = Frontier.share(comm.<List<String>>allgather(candidates), remaining, rank);
                    total = remaining;
                    cut = true;
                }
                if (total == 0) {
                    break;
                }
                remaining -= total;
                int d = depth;
                List<PageRecord> records = fetcher.fetchAll(mine.stream().map(url -> new Target(url, d)).toList(), rank);
                List<List<String>> gathered = comm.gather(records.stream().map(PageRecord::toJson).toList(), ROOT);
                if (root) {
                    List<PageRecord> round = gathered.stream().flatMap(List::stream).map(PageRecord::fromJson)
                            .sorted(Comparator.comparing(PageRecord::url)).toList();
                    tally.add(round);
                    sink.round(depth, round);
                }
                if (depth >= options.depth() || remaining == 0) {
                    break;
                }
                candidates = exchange(comm, frontier, records, scope);
            }
        }
        if (!root) {
            return null;
        }
        CrawlSummary summary = tally.summary((comm.wtime() - start) * 1e3, cut);
        sink.finish(summary);
        return summary;
    }

    /** Routes the round's links and redirect targets to their owners and returns this rank's new URLs. */
    private static List<String> exchange(Intracomm comm, Frontier frontier, List<PageRecord> records, Scope scope) {
        Set<String> links = new HashSet<>();
        Set<String> fetched = new HashSet<>();
        for (PageRecord record : records) {
            if (record.finalUrl() != null && !record.finalUrl().equals(record.url())) {
                fetched.add(record.finalUrl());
            }
            for (String link : record.links()) {
                if (scope.admits(link)) {
                    links.add(link);
                }
            }
        }
        int size = comm.size();
        List<List<String>> linksByOwner = Frontier.route(links, size);
        List<List<String>> fetchedByOwner = Frontier.route(fetched, size);
        List<Routed> outgoing = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            outgoing.add(new Routed(linksByOwner.get(r), fetchedByOwner.get(r)));
        }
        List<Routed> incoming = comm.alltoall(outgoing);
        incoming.forEach(routed -> frontier.markSeen(routed.fetched()));
        List<String> received = new ArrayList<>();
        incoming.forEach(routed -> received.addAll(routed.links()));
        return frontier.admit(received);
    }

    private static List<String> normalizeSeeds(CrawlOptions options, List<String> seeds) {
        return Seeds.normalize(seeds, new UrlNormalizer(options.stripParams()));
    }
}
