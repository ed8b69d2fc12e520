package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The Cookbook's barrier and lock between processes (Zaccone, <i>Python Parallel Programming Cookbook</i>,
 * ch. 3, "Synchronizing processes"): processes {@code p1 - test_with_barrier} and
 * {@code p2 - test_with_barrier} wait on a {@code multiprocessing.Barrier(2)}, then each takes the time
 * and prints it holding a {@code Lock}; {@code p3 - test_without_barrier} and
 * {@code p4 - test_without_barrier} print theirs at once. The two behind the barrier print times within
 * a moment of each other; the other two whenever they ran.
 *
 * <p>Each process is a rank, ranks 0 to 3 being p1 to p4. The barrier of two is
 * {@link Intracomm#barrier()} on the communicator that {@link Intracomm#split(int, int)} makes of ranks 0
 * and 1. The lock, there so that the two do not print over each other, is a token passed between them:
 * p1 prints, then p2. The time is printed as Python's {@code str(datetime)}:
 * {@code 2026-12-07 14:05:31.802117}, microseconds left out when they are 0.
 *
 * <p>A {@link RankProgram} for exactly 4 ranks:
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ProcessBarrier
 * process p3 - test_without_barrier ----&gt; 2026-12-07 14:05:31.795008
 * process p1 - test_with_barrier ----&gt; 2026-12-07 14:05:31.802117
 * process p4 - test_without_barrier ----&gt; 2026-12-07 14:05:31.796214
 * process p2 - test_with_barrier ----&gt; 2026-12-07 14:05:31.802171
 * </pre>
 */
public final class ProcessBarrier implements RankProgram {
    private static final String[] NAMES = {
        "p1 - test_with_barrier", "p2 - test_with_barrier", "p3 - test_without_barrier", "p4 - test_without_barrier"};
    private static final int WITH_BARRIER = 0;
    private static final int LOCK = 0;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Makes the program; the launcher calls this once per rank. */
    public ProcessBarrier() {
    }

    /**
     * Runs one of the four processes.
     *
     * @param world the four ranks
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        BookOptions.requireRanks(world, 4, 4, "ProcessBarrier",
                "ranks 0 and 1 are p1 and p2, with the barrier, ranks 2 and 3 p3 and p4, without");
        int rank = world.rank();
        Intracomm synchronizer = world.split(rank < 2 ? WITH_BARRIER : Intracomm.UNDEFINED, rank);
        if (synchronizer == null) {
            print(NAMES[rank], LocalDateTime.now());
            return;
        }
        synchronizer.barrier();
        LocalDateTime now = LocalDateTime.now();
        if (synchronizer.rank() == 1) {
            synchronizer.<Object>recv(0, LOCK);
        }
        print(NAMES[rank], now);
        if (synchronizer.rank() == 0) {
            synchronizer.send((Object) null, 1, LOCK);
        }
    }

    private static void print(String name, LocalDateTime time) {
        int micros = time.getNano() / 1000;
        String fraction = micros == 0 ? "" : String.format(".%06d", micros); // as str(datetime) leaves out .000000
        System.out.println("process " + name + " ----> " + SECONDS.format(time) + fraction);
    }
}
