package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Cookbook's serial, threads and processes comparison (Zaccone, <i>Python Parallel Programming
 * Cookbook</i>, ch. 1, "Introducing Python threads" and "Introducing Python processes": {@code serial_test},
 * {@code multithreading_test}, {@code multiprocessing_test}): {@code do_something(count, out_list)}
 * appends {@code count} random floats to a list; it runs 10 times on 10,000,000 each, one after the
 * other ({@code serial}), on 10 threads ({@code threads}) or on 10 processes ({@code processes}), and the
 * program prints {@code List processing complete.} and the time taken.
 *
 * <ul>
 *   <li>{@code serial}: a loop, as the book's.
 *   <li>{@code threads}: one JDK {@link Thread} per execution, started together and joined. Python's
 *       threads take turns on the interpreter lock, so the book's threads are no faster than its serial
 *       loop; Java's threads run at once on as many cores as there are.
 *   <li>{@code processes}: the ranks are the processes. Rank r runs executions r, r + size, ..., so 10
 *       processes are {@code -n 10}; rank 0 prints once every rank is done, timing from a barrier that
 *       all ranks leave together to one that they reach when done.
 * </ul>
 *
 * <p>Each list is a {@code double[]} filled from {@link ThreadLocalRandom}, which gives each thread its
 * own generator (Python's {@code random.random()} is one generator behind the interpreter lock). The time
 * is printed as Python's {@code print("serial time=", t)} does. In {@code serial} and {@code threads}
 * modes the program is the book's one process: rank 0 runs it, and the other ranks, if any, have nothing
 * to do. {@code --size N} and {@code --executions N} change the 10,000,000 and the 10.
 *
 * <p>A {@link RankProgram}:
 *
 * <pre>
 * $ bin/launcher -n 1 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ListProcessing serial
 * List processing complete.
 * serial time= 1.2302
 * $ bin/launcher -n 10 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ListProcessing processes
 * List processing complete.
 * multiprocesses time= 0.6147
 * </pre>
 */
public final class ListProcessing implements RankProgram {
    private static final List<String> MODES = List.of("serial", "threads", "processes");

    /** Makes the program; the launcher calls this once per rank. */
    public ListProcessing() {
    }

    /**
     * Runs the comparison in one mode.
     *
     * @param world the ranks: the processes in mode {@code processes}
     * @param args {@code serial}, {@code threads} or {@code processes}, then optionally {@code --size N}
     *     and {@code --executions N}
     */
    @Override
    public void run(Intracomm world, String[] args) {
        if (args.length == 0 || !MODES.contains(args[0])) {
            throw new RanksException(ErrorClass.USAGE, world.rank(), "ListProcessing: mode '" + (args.length == 0 ? "" : args[0])
                    + "' is invalid: expected " + String.join(", ", MODES), null);
        }
        BookOptions options = BookOptions.parse("ListProcessing", Arrays.copyOfRange(args, 1, args.length),
                Map.of("size", 10_000_000L, "executions", 10L));
        int size = options.positiveInt("size");
        int executions = options.positiveInt("executions");
        switch (args[0]) {
            case "serial" -> {
                if (world.rank() == 0) {
                    long start = System.nanoTime();
                    for (int i = 0; i < executions; i++) {
                        doSomething(size);
                    }
                    report("serial", start);
                }
            }
            case "threads" -> {
                if (world.rank() == 0) {
                    long start = System.nanoTime();
                    List<Thread> jobs = new ArrayList<>();
                    for (int i = 0; i < executions; i++) {
                        jobs.add(new Thread(() -> doSomething(size)));
                    }
                    jobs.forEach(Thread::start);
                    for (Thread job : jobs) {
                        join(job);
                    }
                    report("multithreading", start);
                }
            }
            default -> {
                world.barrier();
                long start = System.nanoTime();
                for (int i = world.rank(); i < executions; i += world.size()) {
                    doSomething(size);
                }
                world.barrier();
                if (world.rank() == 0) {
                    report("multiprocesses", start);
                }
            }
        }
    }

    /** The book's {@code do_something}: a list of {@code count} random floats. */
    private static double[] doSomething(int count) {
        double[] outList = new double[count];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            outList[i] = random.nextDouble();
        }
        return outList;
    }

    private static void report(String mode, long start) {
        System.out.println("List processing complete.");
        System.out.println(mode + " time= " + (System.nanoTime() - start) / 1e9);
    }

    private static void join(Thread job) {
        try {
            job.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + job.getName(), e);
        }
    }
}
