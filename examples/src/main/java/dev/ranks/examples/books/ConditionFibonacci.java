package dev.ranks.examples.books;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Palach's Fibonacci terms with threads and a condition (Palach, <i>Parallel Programming with Python</i>,
 * ch. 4, "Using threading to obtain the Fibonacci series term with multiple inputs"): four Fibonacci
 * threads wait on a condition until a producer thread has put the inputs 3, 10, 5 and 7 in a shared
 * queue and notified them all; each then takes one input and stores its term in a shared map.
 *
 * <p>The JDK is the answer here: {@code threading.Condition} is a {@link Condition} of a
 * {@link ReentrantLock}, and {@code notifyAll()} is {@link Condition#signalAll()}. Each line is logged
 * in the book's format, {@code %(asctime)s - %(message)s}, and the last is the map, printed as Python
 * prints a dict with its keys in order: the book's answer {@code {3: 2, 5: 5, 7: 13, 10: 55}} (the
 * book's Python 2 printed the same dict as {@code {10: 55, 3: 2, 5: 5, 7: 13}}). The threads' lines come
 * first, in whatever order the threads ran.
 *
 * <p>A plain {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ConditionFibonacci
 * 2026-12-07 19:12:44,743 - [Thread-1] - waiting for elements in queue..
 * ...
 * 2026-12-07 19:12:44,744 - Starting queue_task...
 * 2026-12-07 19:12:44,745 - Notifying fibonacci_task threads that the queue is ready to consume..
 * 2026-12-07 19:12:44,745 - [Thread-1] fibonacci of key [3] with result [2]
 * ...
 * 2026-12-07 19:12:44,746 - [MainThread] - Result: {3: 2, 5: 5, 7: 13, 10: 55}
 * </pre>
 */
public final class ConditionFibonacci {
    private static final List<Integer> INPUTS = List.of(3, 10, 5, 7);

    private final Lock lock = new ReentrantLock();
    private final Condition queueCondition = lock.newCondition();
    private final Queue<Integer> sharedQueue = new ArrayDeque<>();
    private final Map<Integer, Long> fiboDict = new TreeMap<>();

    private ConditionFibonacci() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) throws InterruptedException {
        ConditionFibonacci example = new ConditionFibonacci();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < INPUTS.size(); i++) {
            threads.add(new Thread(example::fibonacciTask, "Thread-" + (i + 1)));
        }
        threads.forEach(Thread::start);
        Thread producer = new Thread(example::queueTask, "queue_task_thread");
        producer.start();
        for (Thread thread : threads) {
            thread.join();
        }
        producer.join();
        log("[MainThread] - Result: " + example.dict());
    }

    private void fibonacciTask() {
        String name = Thread.currentThread().getName();
        int value;
        lock.lock();
        try {
            while (sharedQueue.isEmpty()) {
                log("[" + name + "] - waiting for elements in queue..");
                queueCondition.awaitUninterruptibly();
            }
            value = sharedQueue.remove();
        } finally {
            lock.unlock();
        }
        long a = Fibonacci.term(value);
        lock.lock();
        try {
            fiboDict.put(value, a);
        } finally {
            lock.unlock();
        }
        log("[" + name + "] fibonacci of key [" + value + "] with result [" + a + "]");
    }

    private void queueTask() {
        log("Starting queue_task...");
        lock.lock();
        try {
            sharedQueue.addAll(INPUTS);
            log("Notifying fibonacci_task threads that the queue is ready to consume..");
            queueCondition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The book's {@code logger.info}: {@code %(asctime)s - %(message)s}, one line at a time. */
    private static synchronized void log(String message) {
        System.out.println(Asctime.now() + " - " + message);
    }

    /** The map as Python prints a dict. */
    private String dict() {
        lock.lock();
        try {
            StringJoiner dict = new StringJoiner(", ", "{", "}");
            fiboDict.forEach((key, term) -> dict.add(key + ": " + term));
            return dict.toString();
        } finally {
            lock.unlock();
        }
    }
}
