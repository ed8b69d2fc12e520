package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;

/**
 * The Cookbook's process subclass (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 3, "Defining
 * processes in a subclass"): {@code MyProcess} extends {@code multiprocessing.Process} and overrides
 * {@code run}, which prints {@code called run method in MyProcess-1}; the main process starts ten of them,
 * joining each before it starts the next, so they print {@code MyProcess-1} to {@code MyProcess-10} in
 * order.
 *
 * <p>Each process is a rank, and the subclass is this class: where Python subclasses {@code Process}
 * and overrides {@code run}, a Ranks program implements {@link RankProgram} and its {@link #run} is what
 * every rank runs; the launcher starts one instance per rank, {@code MyProcess-(rank + 1)}. The book's
 * start-and-join, one at a time, is a token: rank r runs once rank r − 1 has ended and sent it on, so
 * the lines come in rank order. Ten processes are {@code -n 10}; any number of ranks works.
 *
 * <p>A {@link RankProgram}:
 *
 * <pre>
 * $ bin/launcher -n 10 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ProcessSubclass
 * called run method in MyProcess-1
 * called run method in MyProcess-2
 * ...
 * called run method in MyProcess-10
 * </pre>
 */
public final class ProcessSubclass implements RankProgram {
    private static final int JOINED = 0;

    /** Makes the program; the launcher calls this once per rank. */
    public ProcessSubclass() {
    }

    /**
     * Runs one {@code MyProcess}, after the one before it has ended.
     *
     * @param world the ranks, one process each
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        int rank = world.rank();
        if (rank > 0) {
            world.<Object>recv(rank - 1, JOINED);
        }
        System.out.println("called run method in MyProcess-" + (rank + 1));
        if (rank + 1 < world.size()) {
            world.send((Object) null, rank + 1, JOINED);
        }
    }
}
