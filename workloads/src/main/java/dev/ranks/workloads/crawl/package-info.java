/**
 * The crawl workload: the module {@code crawl}'s one-rank fetcher run as a breadth-first crawl over
 * the ranks of a job.
 *
 * <p>{@link dev.ranks.workloads.crawl.CrawlJob} is what every rank runs: each host is owned by one
 * rank ({@link dev.ranks.workloads.crawl.Frontier#owner}), so that rank's fetcher alone keeps the
 * host's politeness; each round fetches one depth, and the links found are routed to their owners
 * with one alltoall, where {@link dev.ranks.workloads.crawl.Frontier} drops those already seen.
 * Rank 0 gathers every round's records and hands them to a {@link dev.ranks.workloads.crawl.CrawlSink}:
 * {@link dev.ranks.workloads.crawl.JsonLinesOutput} writes them, {@link dev.ranks.workloads.crawl.ProgressLine}
 * shows how far the crawl got, and the run ends with a {@link dev.ranks.workloads.crawl.CrawlSummary}.
 * {@link dev.ranks.workloads.crawl.Seeds} reads seeds from a file.
 *
 * <p>For {@code launcher bench crawl}, {@link dev.ranks.workloads.crawl.SyntheticSite} serves a
 * generated site on loopback with a fixed latency per page, {@link dev.ranks.workloads.crawl.SequentialCrawl}
 * is the one-thread reference and {@link dev.ranks.workloads.crawl.CrawlBench} measures both.
 * docs/crawl.md describes the options, the output and the partitioning.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.crawl;
