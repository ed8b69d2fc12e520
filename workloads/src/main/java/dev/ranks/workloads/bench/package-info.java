/**
 * The benchmark harness, in the style of the OSU micro-benchmarks: warm-up iterations, then many
 * timed iterations per message size. A benchmark is handed a communicator and returns result rows;
 * printing them is the caller's business. Benchmarks measure; they do not check results.
 */
package dev.ranks.workloads.bench;
