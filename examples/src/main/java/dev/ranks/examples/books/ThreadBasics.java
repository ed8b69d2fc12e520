package dev.ranks.examples.books;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Cookbook's first thread recipes (Zaccone, <i>Python Parallel Programming Cookbook</i>, 2nd ed.,
 * ch. 2: {@code Thread_definition.py}, {@code Thread_determine.py}, {@code MyThreadClass.py},
 * {@code MyThreadClass_lock.py}, {@code MyThreadClass_lock_2.py} and
 * {@code Thread_name_and_processes.py}), with the JDK's threads, which is
 * what {@code threading} maps to. The lines are the book's, with its spaces and its empty lines (its
 * strings end in {@code \n}, and {@code print} adds another):
 *
 * <ul>
 *   <li>defining a thread: ten {@link Thread}s, each started and joined before the next, print
 *       {@code my_func called by thread N°0} to {@code N°9}, in order.
 *   <li>current thread: threads named {@code function_A}, {@code function_B} and {@code function_C} print
 *       {@code function_A--> starting }, sleep 2 units, and print {@code function_A--> exiting };
 *       {@link Thread#currentThread()} is {@code threading.currentThread()}.
 *   <li>a thread subclass: the book's {@code MyThreadClass(Thread)} is a class that extends
 *       {@link Thread} and overrides {@code run}. Nine of them, named {@code "Thread#1 "} to
 *       {@code "Thread#9 "} as in the book, print {@code ---> Thread#1  running, belonging to process ID
 *       41327}, sleep 1 to 10 units, and print {@code ---> Thread#1  over}; then {@code End} and the
 *       time taken, {@code --- 0.52 seconds ---}. Threads share their process, so the PID is the same on
 *       every line.
 *   <li>with a lock: the same, with a {@link ReentrantLock} ({@code threading.Lock}) held from before the
 *       first line to after the last, so each thread's {@code running} and {@code over} lines are
 *       adjacent and the time is the sum of the sleeps;
 *   <li>with the lock released early, after the first line: the nine {@code running} lines come first,
 *       the sleeps overlap, and the {@code over} lines follow by duration.
 *   <li>thread names ({@code Thread_name_and_processes.py}): {@code ID of process running Thread#1 } and
 *       {@code Thread#2 }, then {@code End}.
 * </ul>
 *
 * <p>The book's unit is a second; here it is {@code --unit MS} milliseconds, 50 by default. A plain
 * {@code main} using no communicator; run it on one rank:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ThreadBasics
 * Defining a thread:
 * my_func called by thread N°0
 * ...
 * my_func called by thread N°9
 * Determining the current thread:
 * function_A--&gt; starting
 *
 * function_B--&gt; starting
 * ...
 * Defining a thread subclass:
 * ---&gt; Thread#1  running, belonging to process ID 41327
 *
 * ---&gt; Thread#2  running, belonging to process ID 41327
 * ...
 * ---&gt; Thread#4  over
 * ...
 * End
 * --- 0.503 seconds ---
 * Thread synchronization with a lock:
 * ---&gt; Thread#1  running, belonging to process ID 41327
 *
 * ---&gt; Thread#1  over
 * ...
 * Thread synchronization with a lock released early:
 * ...
 * </pre>
 */
public final class ThreadBasics {
    private ThreadBasics() {
    }

    /**
     * Runs the recipes in turn.
     *
     * @param args optionally {@code --unit MS}, the milliseconds that stand for the book's second
     */
    public static void main(String[] args) throws InterruptedException {
        long unit = BookOptions.parse("ThreadBasics", args, Map.of("unit", 50L)).get("unit");

        System.out.println("Defining a thread:");
        for (int i = 0; i < 10; i++) {
            int number = i;
            Thread t = new Thread(() -> System.out.println("my_func called by thread N°" + number));
            t.start();
            t.join();
        }

        System.out.println("Determining the current thread:");
        List<Thread> functions = new ArrayList<>();
        for (String name : List.of("function_A", "function_B", "function_C")) {
            functions.add(new Thread(() -> {
                System.out.println(Thread.currentThread().getName() + "--> starting \n"); // the book's ' \n'
                Nap.sleep(2 * unit);
                System.out.println(Thread.currentThread().getName() + "--> exiting \n");
            }, name));
        }
        runAll(functions);

        System.out.println("Defining a thread subclass:");
        subclasses(unit, Locking.NONE);
        System.out.println("Thread synchronization with a lock:");
        subclasses(unit, Locking.WHOLE_RUN);
        System.out.println("Thread synchronization with a lock released early:");
        subclasses(unit, Locking.FIRST_LINE);

        System.out.println("Thread names and the process:"); // Thread_name_and_processes.py
        List<Thread> named = new ArrayList<>();
        for (String name : List.of("Thread#1 ", "Thread#2 ")) {
            named.add(new Thread(() -> System.out.println("ID of process running " + Thread.currentThread().getName()), name));
        }
        for (Thread thread : named) {
            thread.start();
            thread.join(); // one after the other, so the two lines keep the book's order
        }
        System.out.println("End");
    }

    /** How a {@link MyThreadClass} holds the lock the nine share. */
    private enum Locking {
        /** {@code MyThreadClass.py}: no lock. */
        NONE,
        /** {@code MyThreadClass_lock.py}: from before the first line to after the last, so the runs take turns. */
        WHOLE_RUN,
        /** {@code MyThreadClass_lock_2.py}: released after the first line, so the sleeps overlap. */
        FIRST_LINE
    }

    /** Nine {@link MyThreadClass}es at once, then {@code End} and the seconds they took. */
    private static void subclasses(long unit, Locking locking) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            // the book names them "Thread#1 ": its lines have two spaces after the name
            threads.add(new MyThreadClass("Thread#" + i + " ", ThreadLocalRandom.current().nextInt(1, 11) * unit, lock, locking));
        }
        runAll(threads);
        System.out.println("End");
        // Python prints the float as it is: str(time.time() - start_time)
        System.out.println("--- " + (System.nanoTime() - start) / 1e9 + " seconds ---");
    }

    /** The book's {@code MyThreadClass}: a thread that says it runs, sleeps, and says it is over. */
    private static final class MyThreadClass extends Thread {
        private final long millis;
        private final ReentrantLock lock;
        private final Locking locking;

        MyThreadClass(String name, long millis, ReentrantLock lock, Locking locking) {
            super(name);
            this.millis = millis;
            this.lock = lock;
            this.locking = locking;
        }

        @Override
        public void run() {
            if (locking != Locking.NONE) {
                lock.lock();
            }
            try {
                System.out.println("---> " + getName() + " running, belonging to process ID " + ProcessHandle.current().pid() + "\n");
            } finally {
                if (locking == Locking.FIRST_LINE) {
                    lock.unlock();
                }
            }
            try {
                Nap.sleep(millis);
                System.out.println("---> " + getName() + " over\n");
            } finally {
                if (locking == Locking.WHOLE_RUN) {
                    lock.unlock();
                }
            }
        }
    }

    private static void runAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
