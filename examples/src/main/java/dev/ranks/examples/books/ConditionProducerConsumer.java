package dev.ranks.examples.books;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Cookbook's producer and consumer on a condition (Zaccone, <i>Python Parallel Programming
 * Cookbook</i>, ch. 2, "Thread synchronization with a condition"): a producer thread appends 20 items to
 * a shared list, one every unit, and waits while the list holds 10; a consumer thread pops 20, one every
 * 4 units, and waits while the list is empty. Each notifies the other after its change.
 *
 * <p>The JDK is the answer: {@code threading.Condition} is a {@link Condition} of a {@link ReentrantLock},
 * {@code with condition:} is {@code lock()}/{@code unlock()}, {@code wait()} {@link Condition#await()} and
 * {@code notify()} {@link Condition#signal()}. The book waits under an {@code if}; a Java condition may
 * wake without a signal, so here the wait is in a {@code while}. The log lines are those of the book's
 * {@code logging} format, {@code %(asctime)s %(threadName)-17s %(levelname)-8s %(message)s}, written
 * while the lock is held, so that their order is the order of the list's changes: {@code total items N}
 * after an append, {@code consumed 1 item} after a pop, {@code items produced 10. Stopped} and
 * {@code no items to consume} before a wait. The threads are named {@code Producer} and
 * {@code Consumer}, as the book names them.
 *
 * <p>The book's unit is half a second; here it is {@code --unit MS} milliseconds, 10 by default. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ConditionProducerConsumer
 * 2026-12-07 14:02:11,513 Producer          INFO     total items 1
 * 2026-12-07 14:02:11,524 Producer          INFO     total items 2
 * 2026-12-07 14:02:11,535 Producer          INFO     total items 3
 * 2026-12-07 14:02:11,543 Consumer          INFO     consumed 1 item
 * ...
 * 2026-12-07 14:02:11,650 Producer          INFO     items produced 10. Stopped
 * ...
 * 2026-12-07 14:02:12,310 Consumer          INFO     consumed 1 item
 * </pre>
 */
public final class ConditionProducerConsumer {
    private static final int ITEMS = 20;
    private static final int FULL = 10;
    /** Python's logging {@code asctime}: milliseconds after a comma. */

    private final List<Integer> items = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition condition = lock.newCondition();

    private ConditionProducerConsumer() {
    }

    /**
     * Runs the producer and the consumer until 20 items have been made and taken.
     *
     * @param args optionally {@code --unit MS}, the producer's pause (the consumer's is 4 units)
     */
    public static void main(String[] args) throws InterruptedException {
        long unit = BookOptions.parse("ConditionProducerConsumer", args, Map.of("unit", 10L)).get("unit");
        ConditionProducerConsumer example = new ConditionProducerConsumer();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < ITEMS; i++) {
                Nap.sleep(unit);
                example.produce();
            }
        }, "Producer");
        Thread consumer = new Thread(() -> {
            for (int i = 0; i < ITEMS; i++) {
                Nap.sleep(4 * unit);
                example.consume();
            }
        }, "Consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }

    private void produce() {
        lock.lock();
        try {
            while (items.size() == FULL) {
                log("items produced " + items.size() + ". Stopped");
                condition.awaitUninterruptibly();
            }
            items.add(1);
            log("total items " + items.size());
            condition.signal();
        } finally {
            lock.unlock();
        }
    }

    private void consume() {
        lock.lock();
        try {
            while (items.isEmpty()) {
                log("no items to consume");
                condition.awaitUninterruptibly();
            }
            items.remove(items.size() - 1);
            log("consumed 1 item");
            condition.signal();
        } finally {
            lock.unlock();
        }
    }

    private static void log(String message) {
        System.out.printf("%s %-17s %-8s %s%n", Asctime.now(), Thread.currentThread().getName(), "INFO", message);
    }
}
