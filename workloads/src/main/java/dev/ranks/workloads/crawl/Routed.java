package dev.ranks.workloads.crawl;

import java.util.List;

/**
 * What one rank sends another in a round's alltoall: URLs the receiver owns.
 *
 * @param links links found in the round, already admitted by the scope, for the next depth
 * @param fetched final URLs of redirects, already requested, to be marked seen before the links
 *     are admitted
 */
record Routed(List<String> links, List<String> fetched) {
}
