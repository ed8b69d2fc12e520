/**
 * The fib workload, the running example of the parallel-programming books: N ranks compute the
 * Fibonacci number F(n) exactly for many inputs, balanced across the ranks.
 *
 * <p>{@link dev.ranks.workloads.fib.FastDoubling} computes F(n) as a BigInteger;
 * {@link dev.ranks.workloads.fib.DecimalSummary} finds its digit count and first and last digits
 * without writing it out; {@link dev.ranks.workloads.fib.CostModel} predicts the time per input and
 * {@link dev.ranks.workloads.fib.Partition} spreads the inputs by it, longest first;
 * {@link dev.ranks.workloads.fib.FibJob} is the distributed run (scatter, compute, gather) and
 * {@link dev.ranks.workloads.fib.FibReport} what rank 0 prints. {@link dev.ranks.workloads.fib.FibInputs}
 * reads the inputs from the command line, a file or a random draw. docs/fib.md has the measurements
 * behind the cost model.
 *
 * <p><b>Internal:</b> not part of Ranks' API (docs/api.md lists what is); it may change in any release.
 */
package dev.ranks.workloads.fib;
