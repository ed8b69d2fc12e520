package dev.ranks.examples.books;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Cookbook's queue between threads (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 2,
 * "Thread communication using a queue"): a producer thread puts 5 random numbers from 0 to 256 into a
 * {@code queue.Queue}, one every unit, and three consumer threads take them.
 *
 * <p>The JDK is the answer: {@code queue.Queue} is a {@link BlockingQueue} ({@link LinkedBlockingQueue}),
 * {@code get} its {@link BlockingQueue#take}, and {@code put} its {@link BlockingQueue#add}, which
 * never waits on a queue without a bound, as Python's {@code Queue()} has none. The book's
 * consumers loop forever, so its program never ends; here, after its 5 numbers, the producer puts one
 * poison pill per consumer, and a consumer that takes one stops, so that every number is taken exactly
 * once and the program ends. The producer is {@code Thread-1}, the consumers {@code Thread-2} to
 * {@code Thread-4}, as Python names them. Which consumer takes which number, and whether a number's
 * {@code popped} line comes before its {@code appended} line, is up to the threads, as in the book.
 *
 * <p>The book's unit is a second; here it is {@code --unit MS} milliseconds, 50 by default. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ThreadQueue
 * Producer notify : item N°186 appended to queue by Thread-1
 * Consumer notify : 186 popped from queue by Thread-2
 * Producer notify : item N°16 appended to queue by Thread-1
 * Consumer notify : 16 popped from queue by Thread-3
 * ...
 * </pre>
 */
public final class ThreadQueue {
    private static final int ITEMS = 5;
    private static final int CONSUMERS = 3;
    /** The pill: outside the items' range 0 to 256. */
    private static final int STOP = -1;

    private ThreadQueue() {
    }

    /**
     * Runs the producer and the three consumers until every number is taken.
     *
     * @param args optionally {@code --unit MS}, the producer's pause after each number
     */
    public static void main(String[] args) throws InterruptedException {
        long unit = BookOptions.parse("ThreadQueue", args, Map.of("unit", 50L)).get("unit");
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            for (int i = 0; i < ITEMS; i++) {
                int item = ThreadLocalRandom.current().nextInt(0, 257);
                queue.add(item);
                System.out.println("Producer notify : item N°" + item + " appended to queue by " + Thread.currentThread().getName() + "\n");
                Nap.sleep(unit);
            }
            for (int i = 0; i < CONSUMERS; i++) {
                queue.add(STOP);
            }
        }, "Thread-1"));
        for (int i = 0; i < CONSUMERS; i++) {
            threads.add(new Thread(() -> {
                try {
                    for (int item; (item = queue.take()) != STOP;) {
                        System.out.println("Consumer notify : " + item + " popped from queue by " + Thread.currentThread().getName());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "Thread-" + (i + 2)));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
