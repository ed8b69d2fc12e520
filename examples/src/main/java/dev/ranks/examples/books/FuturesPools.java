package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The Cookbook's {@code concurrent.futures} recipe (Zaccone, <i>Python Parallel Programming Cookbook</i>,
 * ch. 5, "Using the concurrent.futures module"): {@code evaluate_item} runs {@code count(number)}, a loop
 * of 10,000,000 steps returning {@code 10000000 * number}, and prints {@code Item N, result R}, for the
 * numbers 1 to 10: first one after the other, then on a {@code ThreadPoolExecutor(max_workers=5)}, then on
 * a {@code ProcessPoolExecutor(max_workers=5)}, timing each.
 *
 * <p>Java's means: the thread pool is an {@link ExecutorService} of 5 threads, and leaving the book's
 * {@code with} block is {@link ExecutorService#shutdown()} and
 * {@link ExecutorService#awaitTermination}. The process pool is the ranks of the job: run it with
 * {@code -n 5}, and rank r evaluates the numbers r + 1, r + 1 + size, ..., printing its lines as the
 * book's worker processes do. The ranks, not the pipeline's {@code processes} engine, because
 * {@code count} is a function of this program, as {@code evaluate_item} is of the book's script: ranks
 * run the program's own code, where an engine runs tasks registered by name in a
 * {@code TaskProvider} service, the way to share a task between programs and Celery clients. On the local
 * device the ranks are threads of one JVM; {@code --device mpj --mpj-dev niodev} makes each a JVM of its
 * own. Java has no global interpreter lock, so, unlike Python's, the thread pool runs {@code count} in
 * parallel too.
 *
 * <p>A {@link RankProgram}; rank 0 runs the sequential and thread-pool parts alone:
 *
 * <pre>
 * $ bin/launcher -n 5 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.FuturesPools
 * Item 1, result 10000000
 * ...
 * Item 10, result 100000000
 * Sequential Execution in 0.0421 seconds
 * Item 2, result 20000000
 * ...
 * Thread Pool Execution in 0.0113 seconds
 * Item 1, result 10000000
 * ...
 * Process Pool Execution in 0.0098 seconds
 * </pre>
 */
public final class FuturesPools implements RankProgram {
    /** The book's {@code number_list}. */
    private static final int[] NUMBER_LIST = IntStream.rangeClosed(1, 10).toArray();
    private static final int MAX_WORKERS = 5;

    /** Makes the program; the launcher calls this once per rank. */
    public FuturesPools() {
    }

    /**
     * Runs the three executions; the last one on every rank.
     *
     * @param world the ranks of the job, the process pool
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        if (world.rank() == 0) {
            long start = System.nanoTime();
            for (int item : NUMBER_LIST) {
                evaluateItem(item);
            }
            System.out.println("Sequential Execution in " + secondsSince(start) + " seconds");

            start = System.nanoTime();
            ExecutorService executor = Executors.newFixedThreadPool(MAX_WORKERS);
            for (int item : NUMBER_LIST) {
                executor.submit(() -> evaluateItem(item));
            }
            awaitPool(executor);
            System.out.println("Thread Pool Execution in " + secondsSince(start) + " seconds");
        }

        world.barrier(); // the pool starts when the thread pool's lines are out
        long start = System.nanoTime();
        for (int i = world.rank(); i < NUMBER_LIST.length; i += world.size()) {
            evaluateItem(NUMBER_LIST[i]);
        }
        world.barrier(); // leaving the book's with block: every worker is done
        if (world.rank() == 0) {
            System.out.println("Process Pool Execution in " + secondsSince(start) + " seconds");
        }
    }

    /** The book's {@code evaluate_item}. */
    private static void evaluateItem(int x) {
        System.out.println("Item " + x + ", result " + count(x));
    }

    /**
     * The book's {@code count}: {@code for i in range(0, 10000000): i = i + 1}, then {@code i * number}.
     *
     * @param number a number
     * @return 10,000,000 times it
     */
    static long count(long number) {
        long i = 0;
        for (long step = 0; step < 10_000_000; step++) {
            i = step + 1;
        }
        return i * number;
    }

    private static void awaitPool(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("FuturesPools: the thread pool did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("FuturesPools: interrupted waiting for the thread pool", e);
        }
    }

    /** Seconds since {@code start}, printed as Python prints a float. */
    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
