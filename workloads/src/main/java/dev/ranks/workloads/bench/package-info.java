/**
 * The benchmark harness, in the style of the OSU micro-benchmarks: warm-up iterations, then many
 * timed iterations per message size. A benchmark is handed a communicator and returns result rows;
 * printing them is the caller's business. Benchmarks measure; they do not check results.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.bench;
