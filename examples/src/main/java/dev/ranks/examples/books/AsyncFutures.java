package dev.ranks.examples.books;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Cookbook's futures recipe (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 5, "Dealing
 * with asyncio and futures", {@code asyncio_and_futures.py}): two coroutines each set a future's result,
 * the sum of 1..N1 and the factorial of N2, after a pause, and a done callback prints each result.
 * With {@code 3 3} it prints 6 and 6; with {@code 5 5}, 15 and 120. The book's lines are printed as its
 * second edition words them; its code adds 1 instead of i in the first coroutine and so prints N1,
 * where its first edition, its text and the coroutine's name say the sum: this prints the sum.
 *
 * <p>Java's means: the future is a {@link CompletableFuture}, {@code set_result} its
 * {@link CompletableFuture#complete}, {@code add_done_callback} its {@link CompletableFuture#thenAccept},
 * and {@code asyncio.sleep} {@link CompletableFuture#delayedExecutor}, which holds no thread while it
 * waits. The pauses are 300 and 400 ms instead of the book's seconds, so that the first result is
 * printed first, as in the book's run.
 *
 * <p>A plain {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.AsyncFutures 5 5
 * First coroutine (sum of N ints) result = 15
 * Second coroutine (factorial) result = 120
 * </pre>
 */
public final class AsyncFutures {
    private AsyncFutures() {
    }

    /**
     * Runs both coroutines and waits for both futures.
     *
     * @param args N1 and N2, the book's {@code sys.argv[1]} and {@code sys.argv[2]}
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("AsyncFutures: expected two arguments, N1 and N2, such as 3 3");
        }
        int n1 = Integer.parseInt(args[0]);
        int n2 = Integer.parseInt(args[1]);

        CompletableFuture<String> future1 = new CompletableFuture<>();
        CompletableFuture<String> future2 = new CompletableFuture<>();
        CompletableFuture<Void> printed1 = future1.thenAccept(System.out::println); // add_done_callback(got_result)
        CompletableFuture<Void> printed2 = future2.thenAccept(System.out::println);
        firstCoroutine(future1, n1);
        secondCoroutine(future2, n2);
        CompletableFuture.allOf(printed1, printed2).join();
    }

    /** The sum of 1..n, set as the future's result after a pause of 300 ms. */
    private static void firstCoroutine(CompletableFuture<String> future, int n) {
        long count = 0;
        for (int i = 1; i <= n; i++) {
            count += i;
        }
        String result = "First coroutine (sum of N ints) result = " + count;
        CompletableFuture.runAsync(() -> future.complete(result), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    }

    /** The factorial of n, set as the future's result after a pause of 400 ms. */
    private static void secondCoroutine(CompletableFuture<String> future, int n) {
        long count = 1;
        for (int i = 2; i <= n; i++) {
            count *= i;
        }
        String result = "Second coroutine (factorial) result = " + count;
        CompletableFuture.runAsync(() -> future.complete(result), CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
    }
}
