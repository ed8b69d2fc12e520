package dev.ranks.examples.books;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Cookbook's thread synchronization recipes with an RLock, a semaphore and an event (Zaccone,
 * <i>Python Parallel Programming Cookbook</i>, 2nd ed., ch. 2: {@code Rlock.py}, {@code Semaphore.py},
 * {@code Event.py}), where the Java platform itself is the answer; nothing here reimplements it. (The
 * recipes with a plain lock are in {@link ThreadBasics}, with the thread subclass they lock.) Each
 * prints the book's lines:
 *
 * <ul>
 *   <li>{@code threading.RLock}: the book's {@code Box}, whose {@code add} and {@code remove} take the
 *       lock and call {@code execute}, which takes it again; {@link ReentrantLock} is reentrant, so it is
 *       Java's RLock. An adder moves 10 to 20 items in, a remover 1 to 10 out.
 *   <li>{@code threading.Semaphore(0)}: a {@link Semaphore} with no permits; ten times a consumer waits on
 *       it and a producer releases it once it has drawn an item from 0 to 1000.
 *   <li>{@code threading.Event}: {@code set()} is a {@link CountDownLatch} of 1 counted down and
 *       {@code wait()} its {@code await()}; the book's {@code clear()} is the producer moving on to the
 *       next item's latch. Five items from 0 to 100 are appended and popped. The book's consumer loops
 *       forever, so its program never ends; this one stops after the producer's five.
 * </ul>
 *
 * <p>The semaphore and event recipes log as the book configures {@code logging}:
 * {@code %(asctime)s %(threadName)-17s %(levelname)-8s %(message)s}. The thread names are the ones
 * Python gives ({@code Thread-1}, {@code Thread-2}, ...). The book's sleeps of seconds are tens of
 * milliseconds here; the optional argument seeds the random draws. A plain {@code main} using no
 * communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.SyncPrimitives
 * RLock:
 * N° 16 items to ADD
 *
 * N° 7 items to REMOVE
 * ...
 * Semaphore:
 * 2026-12-07 14:53:18,145 Thread-1          INFO     Consumer is waiting
 * 2026-12-07 14:53:18,176 Thread-2          INFO     Producer notify: item number 140
 * 2026-12-07 14:53:18,176 Thread-1          INFO     Consumer notify: item number 140
 * ...
 * Event:
 * 2026-12-07 14:53:19,201 Thread-1          INFO     Producer notify: item 68 appended by Thread-1
 * 2026-12-07 14:53:19,201 Thread-2          INFO     Consumer notify: 68 popped by Thread-2
 * ...
 * </pre>
 */
public final class SyncPrimitives {
    private static Random random = new Random();

    private SyncPrimitives() {
    }

    /**
     * Runs the three recipes in turn.
     *
     * @param args optionally a seed for the random draws
     * @throws InterruptedException if interrupted while joining the threads
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            random = new Random(Long.parseLong(args[0]));
        }
        System.out.println("RLock:");
        rlock();
        System.out.println("Semaphore:");
        semaphore();
        System.out.println("Event:");
        event();
    }

    // --- RLock (Rlock.py)

    /** The book's Box: add and remove hold the lock while execute takes it again. */
    private static final class Box {
        private final ReentrantLock lock = new ReentrantLock();
        private int totalItems;

        void execute(int value) {
            lock.lock();
            try {
                totalItems += value;
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
    }

    private static void rlock() throws InterruptedException {
        Box box = new Box();
        int toAdd = 10 + random.nextInt(11); // randint(10, 20)
        int toRemove = 1 + random.nextInt(10); // randint(1, 10)
        runAll(new Thread(() -> {
            System.out.println("N° " + toAdd + " items to ADD \n");
            for (int items = toAdd; items > 0;) {
                box.add();
                sleep(10);
                items--;
                System.out.println("ADDED one item -->" + items + " item to ADD \n");
            }
        }, "Thread-1"), new Thread(() -> {
            System.out.println("N° " + toRemove + " items to REMOVE \n");
            for (int items = toRemove; items > 0;) {
                box.remove();
                sleep(10);
                items--;
                System.out.println("REMOVED one item -->" + items + " item to REMOVE \n");
            }
        }, "Thread-2"));
    }

    // --- Semaphore (Semaphore.py)

    private static final Semaphore SEMAPHORE = new Semaphore(0);
    private static int item;

    private static void semaphore() throws InterruptedException {
        int thread = 1;
        for (int i = 0; i < 10; i++) {
            int itemDrawn = random.nextInt(1001); // randint(0, 1000)
            runAll(new Thread(() -> {
                log("Consumer is waiting");
                SEMAPHORE.acquireUninterruptibly();
                log("Consumer notify: item number " + item);
            }, "Thread-" + thread++), new Thread(() -> {
                sleep(30);
                item = itemDrawn;
                log("Producer notify: item number " + item);
                SEMAPHORE.release(); // release happens-before the consumer's acquire: it sees item
            }, "Thread-" + thread++));
        }
    }

    // --- Event (Event.py)

    private static void event() throws InterruptedException {
        int count = 5;
        List<Integer> items = new ArrayList<>();
        List<CountDownLatch> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new CountDownLatch(1));
        }
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                sleep(20);
                int made = random.nextInt(101); // randint(0, 100)
                synchronized (items) {
                    items.add(made);
                }
                log("Producer notify: item " + made + " appended by " + Thread.currentThread().getName());
                events.get(i).countDown(); // event.set(); event.clear() is moving on to the next latch
            }
        }, "Thread-1");
        Thread consumer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
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
                log("Consumer notify: " + popped + " popped by " + Thread.currentThread().getName());
            }
        }, "Thread-2");
        runAll(producer, consumer);
    }

    // --- helpers

    /** Python's {@code logging.info} with the book's format, one line at a time. */
    private static synchronized void log(String message) {
        System.out.println(String.format("%s %-17s %-8s %s", Asctime.now(),
                Thread.currentThread().getName(), "INFO", message));
    }

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
