/**
 * One rank's share of a web crawl: URL normalisation, robots.txt, per-host politeness, fetching
 * with {@link java.net.http.HttpClient} and link extraction with jsoup. The frontier over ranks
 * lives in the workloads module; this module knows nothing of communicators, so other engines
 * (the task pipeline) can reuse the fetch and parse code.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.crawl;
