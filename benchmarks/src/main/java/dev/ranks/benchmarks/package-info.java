/**
 * JMH benchmarks of Ranks' hot paths, each beside the reference it is judged against; run them with
 * {@code bin/bench-jmh}. Not API.
 */
package dev.ranks.benchmarks;
