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
 * {@link ReentrantLock}, and {@code notifyAll()} is {@link Condition#signalAll()}. The map is printed as
 * Python prints a dict, keys in order, for the book's answer {@code {3: 2, 5: 5, 7: 13, 10: 55}}; the
 * book's log lines come first, in whatever order the threads ran.
 *
 * <p>A plain {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ConditionFibonacci
 * [Thread-0] - waiting for elements in queue..
 * ...
 * [Thread-2] fibonacci of key [3] with result [2]
 * ...
 * {3: 2, 5: 5, 7: 13, 10: 55}
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
            threads.add(new Thread(example::fibonacciTask, "Thread-" + i));
        }
        threads.forEach(Thread::start);
        Thread producer = new Thread(example::queueTask, "queue_task_thread");
        producer.start();
        for (Thread thread : threads) {
            thread.join();
        }
        producer.join();
        System.out.println(example.dict());
    }

    private void fibonacciTask() {
        String name = Thread.currentThread().getName();
        int value;
        lock.lock();
        try {
            while (sharedQueue.isEmpty()) {
                System.out.println("[" + name + "] - waiting for elements in queue..");
                queueCondition.awaitUninterruptibly();
            }
            value = sharedQueue.remove();
        } finally {
            lock.unlock();
        }
        long a = 0;
        long b = 1;
        for (int item = 0; item < value; item++) {
            long next = a + b;
            a = b;
            b = next;
        }
        lock.lock();
        try {
            fiboDict.put(value, a);
        } finally {
            lock.unlock();
        }
        System.out.println("[" + name + "] fibonacci of key [" + value + "] with result [" + a + "]");
    }

    private void queueTask() {
        System.out.println("Starting queue_task...");
        lock.lock();
        try {
            sharedQueue.addAll(INPUTS);
            System.out.println("Notifying fibonacci_task threads that the queue is ready to consume..");
            queueCondition.signalAll();
        } finally {
            lock.unlock();
        }
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
