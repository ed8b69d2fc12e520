package dev.ranks.examples.books;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The Cookbook's three maths tasks (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 5,
 * "Manipulating a task with asyncio"): factorial(10), fibonacci(10) and binomial_coefficient(20, 10)
 * run at once, each pausing after every step as the book's coroutines {@code await asyncio.sleep(1)},
 * so that their steps interleave. They print {@code factorial(10) = 3628800},
 * {@code fibonacci(10) = 55} and {@code binomial_coefficient(20, 10) = 184756.0}: the book's
 * binomial coefficient divides with Python 3's {@code /}, a float, and prints {@code 184756.0}; here it
 * is computed exactly in integers and printed as that float.
 *
 * <p>Java's means: each task is a chain of {@link CompletableFuture} stages, and the pause is
 * {@link CompletableFuture#delayedExecutor}, which, as {@code asyncio.sleep}, holds no thread while it
 * waits; {@link CompletableFuture#allOf} is {@code asyncio.wait(tasks)}. (Virtual threads would do too,
 * but they are Java 21, and these examples build for Java 17.) A pause is 50 ms instead of the book's
 * second.
 *
 * <p>A plain {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.AsyncMaths
 * Asyncio.Task: Compute factorial(2)
 * Asyncio.Task: Compute fibonacci(0)
 * Asyncio.Task: Compute binomial_coefficient(1)
 * ...
 * Asyncio.Task - factorial(10) = 3628800
 * Asyncio.Task - fibonacci(10) = 55
 * Asyncio.Task - binomial_coefficient(20, 10) = 184756.0
 * </pre>
 */
public final class AsyncMaths {
    private static final Executor PAUSE = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

    private AsyncMaths() {
    }

    /**
     * Runs the three tasks and waits for all of them.
     *
     * @param args none
     */
    public static void main(String[] args) {
        CompletableFuture.allOf(factorial(10), fibonacci(10), binomialCoefficient(20, 10)).join();
    }

    /** factorial(number): f *= i for i in 2..number, pausing at each step. */
    static CompletableFuture<Long> factorial(int number) {
        return loop(2, number + 1, 1L, (i, f) -> {
            System.out.println("Asyncio.Task: Compute factorial(" + i + ")");
            return f * i;
        }).thenApply(f -> {
            System.out.println("Asyncio.Task - factorial(" + number + ") = " + f);
            return f;
        });
    }

    /** fibonacci(number): a, b = b, a + b, number times, pausing at each step. */
    static CompletableFuture<Long> fibonacci(int number) {
        return loop(0, number, new long[] {0, 1}, (i, ab) -> {
            System.out.println("Asyncio.Task: Compute fibonacci(" + i + ")");
            return new long[] {ab[1], ab[0] + ab[1]};
        }).thenApply(ab -> {
            System.out.println("Asyncio.Task - fibonacci(" + number + ") = " + ab[0]);
            return ab[0];
        });
    }

    /** binomial_coefficient(n, k): result = result * (n - i + 1) / i for i in 1..k, exact in integers. */
    static CompletableFuture<Long> binomialCoefficient(int n, int k) {
        return loop(1, k + 1, 1L, (i, result) -> {
            System.out.println("Asyncio.Task: Compute binomial_coefficient(" + i + ")");
            return result * (n - i + 1) / i;
        }).thenApply(result -> {
            System.out.println("Asyncio.Task - binomial_coefficient(" + n + ", " + k + ") = " + (double) result);
            return result;
        });
    }

    /** One step of a task. */
    interface Step<T> {
        T apply(int i, T state);
    }

    /**
     * {@code for i in range(from, to): state = step(i, state); await asyncio.sleep(...)}: each step runs
     * after a pause, without holding a thread in between.
     */
    private static <T> CompletableFuture<T> loop(int from, int to, T state, Step<T> step) {
        if (from >= to) {
            return CompletableFuture.completedFuture(state);
        }
        T next = step.apply(from, state);
        return CompletableFuture.supplyAsync(() -> next, PAUSE).thenCompose(s -> loop(from + 1, to, s, step));
    }
}
