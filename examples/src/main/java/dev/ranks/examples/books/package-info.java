/**
 * The examples of two Python books, program by program, in Java on Ranks, printing the books' answers:
 * Jan Palach's <i>Parallel Programming with Python</i> and Giancarlo Zaccone's <i>Python Parallel
 * Programming Cookbook</i>. One class per example, named after the recipe; examples/README.md ("Books")
 * lists the book and chapter of each, the command that runs it and what it prints.
 *
 * <p>The rank programs, those that implement {@link dev.ranks.collectives.RankProgram}, use the ranks of
 * the job where the books use threads, processes or a process pool: a {@code multiprocessing.Process} is
 * a rank, and its {@code Pipe} or {@code Queue} is messages between ranks
 * ({@link dev.ranks.examples.books.PipeSquares}, {@link dev.ranks.examples.books.QueueFibonacci}). The
 * others are plain {@code main}s that use the JDK's own means ({@code java.util.concurrent},
 * {@link java.lang.Thread}, {@link java.lang.ProcessBuilder}, {@link java.util.concurrent.CompletableFuture})
 * where the books use {@code threading}, {@code multiprocessing} and {@code asyncio}; run them with
 * {@code bin/launcher -n 1 run ...}.
 */
package dev.ranks.examples.books;
