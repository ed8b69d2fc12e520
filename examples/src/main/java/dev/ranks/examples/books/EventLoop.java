package dev.ranks.examples.books;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Cookbook's event loop (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 5, "Managing the
 * event loop with asyncio"): {@code task_A}, {@code task_B} and {@code task_C} each print that they were
 * called, sleep a random 0 to 5 seconds ({@code time.sleep(random.randint(0, 5))}) and, while the loop's
 * end time is more than a second away, schedule the next one a second later ({@code loop.call_later(1,
 * ...)}), A then B then C then A again; otherwise they stop the loop. The book's loop ends after 60
 * seconds.
 *
 * <p>Java's means: the event loop is a {@link ScheduledExecutorService} of one thread. {@code call_soon}
 * is {@link ScheduledExecutorService#execute}, {@code call_later} is
 * {@link ScheduledExecutorService#schedule}, {@code loop.time()} is {@link System#nanoTime()},
 * {@code run_forever} waits for {@code loop.stop()}, a {@link CountDownLatch}, and {@code loop.close()}
 * is {@link ScheduledExecutorService#shutdown()}. As in the book, the blocking sleep holds the loop's only
 * thread, so no callback runs while one sleeps.
 *
 * <p>Options: {@code --duration S}, the seconds until the end time (60); {@code --scale F}, a factor on
 * the random sleeps and the one-second delays (1), so that {@code --duration 3 --scale 0.05} runs the same
 * cycle in 3 seconds; {@code --seed N}, the seed of the random sleeps (random by default). A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.EventLoop --duration 3 --scale 0.05
 * task_A called
 * task_B called
 * task_C called
 * task_A called
 * ...
 * </pre>
 */
public final class EventLoop {
    private static final String[] TASKS = {"task_A", "task_B", "task_C"};

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Random random;
    private final double scale;
    private final long endTime;

    private EventLoop(double durationSeconds, double scale, Random random) {
        this.scale = scale;
        this.random = random;
        this.endTime = System.nanoTime() + seconds(durationSeconds);
    }

    /**
     * Runs the loop until a task stops it.
     *
     * @param args {@code --duration S}, {@code --scale F}, {@code --seed N}
     */
    public static void main(String[] args) throws InterruptedException {
        double duration = 60;
        double scale = 1;
        Random random = new Random();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("EventLoop: " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--duration" -> duration = positive(option, value);
                case "--scale" -> scale = positive(option, value);
                case "--seed" -> random = new Random(seed(value));
                default -> throw new IllegalArgumentException("EventLoop: unknown argument '" + option
                        + "': expected --duration S, --scale F or --seed N");
            }
        }
        EventLoop example = new EventLoop(duration, scale, random);
        example.loop.execute(() -> example.task(0)); // loop.call_soon(task_A, end_loop, loop)
        example.stopped.await(); // loop.run_forever()
        example.loop.shutdown(); // loop.close()
    }

    /** {@code task_A}, {@code task_B} or {@code task_C}, by its index in A, B, C. */
    private void task(int index) {
        System.out.println(TASKS[index] + (index == 1 ? " called " : " called")); // the book's task_B prints a trailing space
        try {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(seconds(scale * random.nextInt(6)))); // random.randint(0, 5)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("EventLoop: " + TASKS[index] + " was interrupted in its sleep", e);
        }
        long delay = seconds(scale); // call_later(1, ...)
        if (System.nanoTime() + delay < endTime) {
            loop.schedule(() -> task((index + 1) % TASKS.length), delay, TimeUnit.NANOSECONDS);
        } else {
            stopped.countDown(); // loop.stop()
        }
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1e9);
    }

    private static double positive(String option, String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(option, value), e);
        }
        if (!(number > 0 && Double.isFinite(number))) {
            throw new IllegalArgumentException(invalid(option, value));
        }
        return number;
    }

    private static String invalid(String option, String value) {
        return "EventLoop: " + option + " '" + value + "' is invalid: expected a positive number";
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EventLoop: --seed '" + value + "' is invalid: expected an integer", e);
        }
    }
}
