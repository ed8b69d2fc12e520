package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Cookbook's barrier race (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 2, "Thread
 * synchronization with a barrier"), with ranks as the runners and {@link Intracomm#barrier()} as
 * {@code threading.Barrier}: rank 0 prints {@code START RACE!!!!}, every rank runs for a random time and
 * prints when it reaches the barrier, and once all have reached it rank 0 prints {@code Race over!}.
 *
 * <p>The book's runners are Huey, Dewey and Louie; ranks 0, 1 and 2 take those names and further ranks
 * are {@code runner N}. The book sleeps 2 to 4 seconds; here a runner runs 100 to 900 ms, so that the
 * order of arrival still varies from run to run. The time is printed as Python's {@code ctime()} does,
 * and the line as the book's {@code '%s reached the barrier at: %s \n'}: a space and an empty line after
 * it.
 *
 * <p>A {@link RankProgram}:
 *
 * <pre>
 * $ bin/launcher -n 3 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.BarrierRace
 * START RACE!!!!
 * Dewey reached the barrier at: Tue Jun 11 10:23:45 2024
 *
 * Huey reached the barrier at: Tue Jun 11 10:23:45 2024
 *
 * Louie reached the barrier at: Tue Jun 11 10:23:46 2024
 *
 * Race over!
 * </pre>
 */
public final class BarrierRace implements RankProgram {
    private static final List<String> RUNNERS = List.of("Huey", "Dewey", "Louie");
    /** Python's {@code time.ctime()}: {@code Tue Jun 11 10:23:45 2024}, the day padded with a space. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    /** Makes the program; the launcher calls this once per rank. */
    public BarrierRace() {
    }

    /**
     * Runs one runner.
     *
     * @param world the ranks of the job, one runner each
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        int rank = world.rank();
        String name = rank < RUNNERS.size() ? RUNNERS.get(rank) : "runner " + rank;
        if (rank == 0) {
            System.out.println("START RACE!!!!");
        }
        world.barrier(); // the start line: no runner leaves before the start is announced

        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 900));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted on the track", e);
        }
        System.out.println(name + " reached the barrier at: " + CTIME.format(LocalDateTime.now()) + " \n"); // the book's format
        world.barrier(); // the finish line: finish_line.wait()

        if (rank == 0) {
            System.out.println("Race over!");
        }
    }
}
