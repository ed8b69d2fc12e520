package dev.ranks.examples.books;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Palach's asyncio tasks that sleep (Palach, <i>Parallel Programming with Python</i>, ch. 8,
 * {@code asyncio_task_sample.py} and its two variants): {@code sleep_coro('Task-A', 10)},
 * {@code sleep_coro('Task-B')} and {@code sleep_coro('Task-C')}, 1 second each, gathered on one event
 * loop. Each prints {@code [NAME] coroutine will sleep for N second(s)...}, sleeps and prints
 * {@code [NAME] done!}. The argument picks how it sleeps:
 *
 * <ul>
 *   <li>{@code sleep} (the default), the book's {@code yield from asyncio.sleep(seconds)}: the loop is
 *       free while a task sleeps, so B and C are done before A.
 *   <li>{@code executor}, the book's {@code loop.run_in_executor(None, time.sleep, seconds)}: the
 *       blocking sleep holds a worker thread, not the loop, so again B and C are done before A.
 *   <li>{@code blocking}, the book's {@code sleep_func}, which calls {@code time.sleep} on the loop and
 *       returns a finished {@code Future}: the loop is blocked, so each task runs to its end before the
 *       next starts.
 * </ul>
 *
 * <p>Java's means: the event loop is a single-thread {@link ExecutorService}; {@code asyncio.sleep} is
 * {@link CompletableFuture#delayedExecutor}, which holds no thread while it waits, handing the rest of
 * the task back to the loop; the default executor of {@code run_in_executor} is a thread pool; and the
 * blocking sleep is {@link Thread#sleep} on the loop's thread. A second is 100 ms here. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.AsyncOrdering
 * [Task-A] coroutine will sleep for 10 second(s)...
 * [Task-B] coroutine will sleep for 1 second(s)...
 * [Task-C] coroutine will sleep for 1 second(s)...
 * [Task-B] done!
 * [Task-C] done!
 * [Task-A] done!
 * </pre>
 */
public final class AsyncOrdering {
    private static final long SECOND_MS = 100;
    private static final List<String> MODES = List.of("sleep", "executor", "blocking");

    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final ExecutorService defaultExecutor = Executors.newCachedThreadPool();
    private final String mode;

    private AsyncOrdering(String mode) {
        this.mode = mode;
    }

    /**
     * Gathers the three tasks on the loop and waits for them.
     *
     * @param args none, or one of {@code sleep}, {@code executor}, {@code blocking}
     */
    public static void main(String[] args) {
        String mode = args.length == 0 ? "sleep" : args[0];
        if (args.length > 1 || !MODES.contains(mode)) {
            throw new IllegalArgumentException("AsyncOrdering: unknown argument " + String.join(" ", args)
                    + ": expected none or one of " + String.join(", ", MODES));
        }
        AsyncOrdering sample = new AsyncOrdering(mode);
        try {
            // asyncio.gather(*tasks): the tasks start on the loop in this order
            CompletableFuture.allOf(sample.sleepCoro("Task-A", 10), sample.sleepCoro("Task-B", 1),
                    sample.sleepCoro("Task-C", 1)).join();
        } finally {
            sample.loop.shutdown();
            sample.defaultExecutor.shutdown();
        }
    }

    /** The book's {@code sleep_coro(name, seconds)}, run on the loop. */
    private CompletableFuture<Void> sleepCoro(String name, int seconds) {
        Runnable willSleep = () -> System.out.println("[" + name + "] coroutine will sleep for " + seconds + " second(s)...");
        Runnable done = () -> System.out.println("[" + name + "] done!");
        return switch (mode) {
            case "sleep" -> CompletableFuture.runAsync(willSleep, loop)
                    .thenRunAsync(done, CompletableFuture.delayedExecutor(seconds * SECOND_MS, TimeUnit.MILLISECONDS, loop));
            case "executor" -> CompletableFuture.runAsync(willSleep, loop)
                    .thenRunAsync(() -> sleep(seconds), defaultExecutor)
                    .thenRunAsync(done, loop);
            // sleep_func returns a Future already done, and yield from a done Future does not give up the
            // loop: the task's one step prints, blocks the loop and prints again
            default -> CompletableFuture.runAsync(() -> {
                willSleep.run();
                sleep(seconds);
                done.run();
            }, loop);
        };
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * SECOND_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
