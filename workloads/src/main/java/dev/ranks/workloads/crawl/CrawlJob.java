package dev.ranks.workloads.crawl;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.CrawlOptions;
import dev.ranks.crawl.ErrorKind;
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
import java.util.TreeSet;

/**
 * The crawl workload, run by every rank of a job: a breadth-first crawl whose frontier is
 * partitioned by host.
 *
 * <p>Each host belongs to one rank ({@link Frontier#owner}), and only that rank's
 * {@link PageFetcher} requests it, redirects included, so the per-host delay, the per-host limit
 * and robots.txt hold for the whole job, as if one crawler ran. Round {@code d} fetches the pages
 * of depth {@code d}, in one or more steps:
 * <ol>
 * <li>every rank tells the others how many URLs it holds for the step (allgather); when they
 *     exceed what is left of {@code maxPages}, the ranks also allgather the URLs and take the
 *     smallest ones ({@link Frontier#share}), so the budget is exact and the choice independent of
 *     timing and of the number of ranks; a round whose first step has no URL anywhere ends the
 *     crawl, a later step with none ends the round;</li>
 * <li>every rank fetches its URLs ({@link PageFetcher#fetchAll}, concurrently across hosts), with
 *     its {@link Frontier} deciding redirects: a hop on the same host to a URL not seen yet is
 *     followed and claimed, a hop to another host ends the page's record and is handed over;</li>
 * <li>one alltoall delivers the hand-offs to their hosts' owners, which keep those not seen yet:
 *     the next step's URLs, at the same depth (a redirect is not a link).</li>
 * </ol>
 * Then rank 0 gathers the round's records, sorts them by URL and hands them to the sink; unless
 * the depth limit or the budget is reached, every rank sorts the links it found (those the
 * {@link Scope} admits) out by owner, and one alltoall delivers them; each owner keeps the links
 * it has not seen, which are round {@code d + 1}'s URLs.
 *
 * <p>Round 0's URLs are the seeds: rank 0 normalises them and broadcasts them (every rank needs
 * them for the scope's same-host rule), and each rank takes those it owns. Seeds are not filtered
 * by the scope: they are what the user asked for; nor are redirect targets: a redirect answers for
 * a URL the crawl took. With {@code sameHost}, after round 0 rank 0 broadcasts the hosts the seeds
 * landed on (the final URLs of round 0's records), which join the seeds' hosts in every rank's
 * scope.
 */
public final class CrawlJob {
    /** The rank that gathers the records and writes the output. */
    public static final int ROOT = 0;

    private CrawlJob() {
    }

    /** What is left of the page budget, the same on every rank; {@code cut} once it turned URLs away. */
    private static final class Budget {
        long remaining;
        boolean cut;

        Budget(long remaining) {
            this.remaining = remaining;
        }

        /** Agrees one step's URLs within the budget; null when no rank has any. */
        List<Target> take(Intracomm comm, List<Target> batch) {
            long total = comm.<Integer>allgather(batch.size()).stream().mapToLong(Integer::longValue).sum();
            List<Target> mine = batch;
            if (total > remaining) {
                List<String> urls = batch.stream().map(Target::url).toList();
                Set<String> chosen = new HashSet<>(Frontier.share(comm.allgather(urls), remaining, comm.rank()));
                mine = batch.stream().filter(t -> chosen.contains(t.url())).toList();
                total = remaining;
                cut = true;
            }
            if (total == 0) {
                return null;
            }
            remaining -= total;
            return mine;
        }
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
        List<Target> candidates = frontier.admit(Frontier.route(seeds, size).get(rank)).stream()
                .map(url -> new Target(url, 0)).toList();
        Budget budget = new Budget(options.maxPages());
        try (PageFetcher fetcher = new PageFetcher(options)) {
            for (int depth = 0; ; depth++) {
                List<PageRecord> records = new ArrayList<>();
                boolean started = false;
                for (List<Target> step = candidates; ; ) {
                    List<Target> mine = budget.take(comm, step);
                    if (mine == null) {
                        break;
                    }
                    started = true;
                    records.addAll(fetcher.fetchAll(mine, rank, frontier));
                    step = handOff(comm, frontier);
                }
                if (!started) {
                    break;
                }
                List<List<String>> gathered = comm.gather(records.stream().map(PageRecord::toJson).toList(), ROOT);
                List<PageRecord> round = null;
                if (root) {
                    round = gathered.stream().flatMap(List::stream).map(PageRecord::fromJson)
                            .sorted(Comparator.comparing(PageRecord::url)).toList();
                    tally.add(round);
                    sink.round(depth, round);
                }
                if (depth >= options.depth() || budget.remaining == 0) {
                    break;
                }
                if (depth == 0 && options.sameHost()) {
                    scope = scope.withSameHostsOf(comm.bcast(root ? landings(round) : null, ROOT));
                }
                int next = depth + 1;
                candidates = exchange(comm, frontier, records, scope).stream().map(url -> new Target(url, next)).toList();
            }
        }
        if (!root) {
            return null;
        }
        CrawlSummary summary = tally.summary((comm.wtime() - start) * 1e3, budget.cut);
        sink.finish(summary);
        return summary;
    }

    /** Hands the redirect targets this rank's fetches declined to their owners; returns this rank's new ones. */
    private static List<Target> handOff(Intracomm comm, Frontier frontier) {
        List<List<Target>> incoming = comm.alltoall(Frontier.routeTargets(frontier.takeHandOffs(), comm.size()));
        List<Target> received = new ArrayList<>();
        incoming.forEach(received::addAll);
        return frontier.admitTargets(received);
    }

    /**
     * The URLs round 0 ended on: each record's final URL, which for a redirect handed over is the
     * target (itself a record of round 0). A record of a URL that would not parse has no host.
     */
    private static List<String> landings(List<PageRecord> round) {
        TreeSet<String> urls = new TreeSet<>();
        for (PageRecord r : round) {
            if (r.finalUrl() != null && r.errorKind() != ErrorKind.BAD_URL) {
                urls.add(r.finalUrl());
            }
        }
        return List.copyOf(urls);
    }

    /** Routes the round's links to their owners and returns this rank's new URLs. */
    private static List<String> exchange(Intracomm comm, Frontier frontier, List<PageRecord> records, Scope scope) {
        Set<String> links = new HashSet<>();
        for (PageRecord record : records) {
            for (String link : record.links()) {
                if (scope.admits(link)) {
                    links.add(link);
                }
            }
        }
        List<List<String>> incoming = comm.alltoall(Frontier.route(links, comm.size()));
        List<String> received = new ArrayList<>();
        incoming.forEach(received::addAll);
        return frontier.admit(received);
    }

    private static List<String> normalizeSeeds(CrawlOptions options, List<String> seeds) {
        return Seeds.normalize(seeds, new UrlNormalizer(options.stripParams()));
    }
}
