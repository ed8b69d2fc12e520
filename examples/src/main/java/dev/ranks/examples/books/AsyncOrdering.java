package dev.ranks.examples.books;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The asyncio ordering of a blocking call in an executor against non-blocking sleeps (Palach,
 * <i>Parallel Programming with Python</i>, ch. 8, and the Cookbook's ch. 5 on the event loop): task A
 * runs a blocking {@code time.sleep} of 3 in {@code loop.run_in_executor}, while tasks B and C
 * {@code await asyncio.sleep} 1 and 2. The blocking call holds a worker thread, not the loop, so B and C
 * finish before A:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.AsyncOrdering
 * A started
 * B started
 * C started
 * B finished
 * C finished
 * A finished
 * </pre>
 *
 * <p>Java's means: the executor is an {@link ExecutorService} of one thread, and A is
 * {@link CompletableFuture#runAsync(Runnable, java.util.concurrent.Executor)} on it, blocking there in
 * {@link Thread#sleep}; B and C are {@link CompletableFuture}s completed by
 * {@link CompletableFuture#delayedExecutor}, which, as {@code asyncio.sleep}, holds no thread while it
 * waits. The units are 200 ms instead of the book's seconds. A plain {@code main} using no
 * communicator; run it on one rank.
 */
public final class AsyncOrdering {
    private static final long UNIT_MS = 200;

    private AsyncOrdering() {
    }

    /**
     * Runs A, B and C at once and waits for all three.
     *
     * @param args none
     */
    public static void main(String[] args) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            System.out.println("A started");
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(3 * UNIT_MS); // time.sleep(3): blocks this worker thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, executor).thenRun(() -> System.out.println("A finished"));
            CompletableFuture<Void> b = sleeper("B", 1);
            CompletableFuture<Void> c = sleeper("C", 2);
            CompletableFuture.allOf(a, b, c).join();
        } finally {
            executor.shutdown();
        }
    }

    /** {@code print(name, 'started'); await asyncio.sleep(units); print(name, 'finished')}. */
    private static CompletableFuture<Void> sleeper(String name, int units) {
        System.out.println(name + " started");
        return CompletableFuture.runAsync(() -> System.out.println(name + " finished"),
                CompletableFuture.delayedExecutor(units * UNIT_MS, TimeUnit.MILLISECONDS));
    }
}
