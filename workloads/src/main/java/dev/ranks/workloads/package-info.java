/**
 * Programs written against communicators: the cookbook's message-passing recipes
 * ({@link dev.ranks.workloads.recipes}) and the benchmark harness ({@link dev.ranks.workloads.bench}).
 * Every workload is handed its communicator and where to print; none fetches a global one, so the
 * same code runs on any device and in tests.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads;
