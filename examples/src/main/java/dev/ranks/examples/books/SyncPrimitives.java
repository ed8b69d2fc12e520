package dev.ranks.examples.books;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Cookbook's four thread synchronization recipes (Zaccone, <i>Python Parallel Programming
 * Cookbook</i>, ch. 2: Lock, RLock, Semaphore and Event), where the Java platform itself is the answer;
 * nothing here reimplements it:
 *
 * <ul>
 *   <li>{@code threading.Lock}: a {@link ReentrantLock} guards a counter that one thread increments and
 *       another decrements 100,000 times each; it ends at 0. The same without the lock ends wherever the
 *       race leaves it, as in the book.
 *   <li>{@code threading.RLock}: the book's {@code Box}, whose {@code add} and {@code remove} take the
 *       lock and call {@code execute}, which takes it again; {@link ReentrantLock} is reentrant, so that
 *       is Java's RLock. An adder and a remover move 5 items each; 0 remain.
 *   <li>{@code threading.Semaphore(0)}: a {@link Semaphore} with no permits; five times a consumer waits
 *       on it and a producer releases it once it has made an item.
 *   <li>{@code threading.Event}: the one-shot event is a {@link CountDownLatch} of 1, {@code set()} its
 *       {@code countDown()} and {@code wait()} its {@code await()}; the book's {@code clear()} is the
 *       producer moving on to the next item's latch. Every item appended is popped.
 * </ul>
 *
 * <p>The book's sleeps of seconds are 20 to 50 ms here. A plain {@code main} using no communicator; run
 * it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.SyncPrimitives
 * Lock:
 * the value of shared variable with lock management is 0
 * the value of shared variable with race condition is 0 (or whatever the race leaves)
 * RLock:
 * putting 5 items in the box
 * adding 1 item in the box
 * removing 1 item in the box
 * ...
 * 0 items still remain in the box
 * Semaphore:
 * consumer is waiting.
 * producer notify : produced item number 654
 * Consumer notify : consumed item number 654
 * ...
 * Event:
 * Producer notify : item N° 93 appended to list by Thread-producer
 * Producer notify : event set by Thread-producer
 * Produce notify : event cleared by Thread-producer
 * Consumer notify : 93 popped from list by Thread-consumer
 * ...
 * </pre>
 */
public final class SyncPrimitives {
    private static final int COUNT = 100_000;
    private static final int ITEMS = 5;

    private SyncPrimitives() {
    }

    /**
     * Runs the four recipes in turn.
     *
     * @param args none
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("Lock:");
        lock();
        System.out.println("RLock:");
        rlock();
        System.out.println("Semaphore:");
        semaphore();
        System.out.println("Event:");
        event();
    }

    // --- Lock

    private static final ReentrantLock SHARED_LOCK = new ReentrantLock();
    private static int sharedResourceWithLock;
    /** volatile so that the JIT cannot fold each loop into one add: every ++ and -- races, as in Python. */
    private static volatile int sharedResourceWithNoLock;

    private static void lock() throws InterruptedException {
        runAll(new Thread(() -> {
            for (int i = 0; i < COUNT; i++) {
                SHARED_LOCK.lock();
                try {
                    sharedResourceWithLock++;
                } finally {
                    SHARED_LOCK.unlock();
                }
            }
        }), new Thread(() -> {
            for (int i = 0; i < COUNT; i++) {
                SHARED_LOCK.lock();
                try {
                    sharedResourceWithLock--;
                } finally {
                    SHARED_LOCK.unlock();
                }
            }
        }));
        runAll(new Thread(() -> {
            for (int i = 0; i < COUNT; i++) {
                sharedResourceWithNoLock++; // the race the book shows: no lock (volatile does not make ++ atomic)
            }
        }), new Thread(() -> {
            for (int i = 0; i < COUNT; i++) {
                sharedResourceWithNoLock--;
            }
        }));
        System.out.println("the value of shared variable with lock management is " + sharedResourceWithLock);
        System.out.println("the value of shared variable with race condition is " + sharedResourceWithNoLock);
    }

    // --- RLock

    /** The book's Box: add and remove hold the lock while execute takes it again. */
    private static final class Box {
        private final ReentrantLock lock = new ReentrantLock();
        private int totalItems;

        void execute(int n) {
            lock.lock();
            try {
                totalItems += n;
            } finally {
                lock.unlock();
            }
        }

        void add() {
            lock.lock();
            try {
                execute(1);
            } finally {
                lock.unlock();
            }
        }

        void remove() {
            lock.lock();
            try {
                execute(-1);
            } finally {
                lock.unlock();
            }
        }

        int totalItems() {
            lock.lock();
            try {
                return totalItems;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void rlock() throws InterruptedException {
        System.out.println("putting " + ITEMS + " items in the box");
        Box box = new Box();
        runAll(new Thread(() -> {
            for (int items = ITEMS; items > 0; items--) {
                System.out.println("adding 1 item in the box");
                box.add();
                sleep(20);
            }
        }), new Thread(() -> {
            for (int items = ITEMS; items > 0; items--) {
                System.out.println("removing 1 item in the box");
                box.remove();
                sleep(20);
            }
        }));
        System.out.println(box.totalItems() + " items still remain in the box");
    }

    // --- Semaphore

    private static final Semaphore SEMAPHORE = new Semaphore(0);
    private static int item;

    private static void semaphore() throws InterruptedException {
        for (int i = 0; i < ITEMS; i++) {
            runAll(new Thread(() -> {
                System.out.println("consumer is waiting.");
                SEMAPHORE.acquireUninterruptibly();
                System.out.println("Consumer notify : consumed item number " + item);
            }), new Thread(() -> {
                sleep(50);
                item = ThreadLocalRandom.current().nextInt(0, 1001);
                System.out.println("producer notify : produced item number " + item);
                SEMAPHORE.release(); // release happens-before the consumer's acquire: it sees item
            }));
        }
    }

    // --- Event

    private static void event() throws InterruptedException {
        List<Integer> items = new ArrayList<>();
        List<CountDownLatch> events = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            events.add(new CountDownLatch(1));
        }
        Thread producer = new Thread(() -> {
            String name = Thread.currentThread().getName();
            for (int i = 0; i < ITEMS; i++) {
                sleep(30);
                int made = ThreadLocalRandom.current().nextInt(0, 257);
                synchronized (items) {
                    items.add(made);
                }
                System.out.println("Producer notify : item N° " + made + " appended to list by " + name);
                System.out.println("Producer notify : event set by " + name);
                events.get(i).countDown(); // event.set()
                System.out.println("Produce notify : event cleared by " + name); // event.clear(): the next latch
            }
        }, "Thread-producer");
        Thread consumer = new Thread(() -> {
            String name = Thread.currentThread().getName();
            for (int i = 0; i < ITEMS; i++) {
                try {
                    events.get(i).await(); // event.wait()
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int popped;
                synchronized (items) {
                    popped = items.remove(items.size() - 1); // Python's list.pop(): the last item
                }
                System.out.println("Consumer notify : " + popped + " popped from list by " + name);
            }
        }, "Thread-consumer");
        runAll(consumer, producer);
    }

    // --- helpers

    private static void runAll(Thread... threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
