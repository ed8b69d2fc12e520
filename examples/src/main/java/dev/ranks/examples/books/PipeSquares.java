package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.Received;

/**
 * The Cookbook's chain of two pipes (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 3, "Using
 * pipes to exchange objects"): process {@code create_items} sends 0 to 9 down pipe 1 and closes it;
 * process {@code multiply_items} squares what comes out of pipe 1 and sends it down pipe 2, closing pipe 2
 * when {@code recv()} on pipe 1 raises {@code EOFError}; the main process prints what comes out of pipe 2,
 * one number a line, and {@code End} at its {@code EOFError}.
 *
 * <p>Each process is a rank, rank 0 the main process, rank 1 {@code create_items} and rank 2
 * {@code multiply_items}, and each pipe is the messages from one rank to the next: {@code send} is a
 * send, {@code recv} a receive, and closing a pipe is a last message with the tag {@code CLOSED}, which
 * the receiver takes as its {@code EOFError}.
 *
 * <p>A {@link RankProgram} for exactly 3 ranks:
 *
 * <pre>
 * $ bin/launcher -n 3 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.PipeSquares
 * 0
 * 1
 * 4
 * ...
 * 81
 * End
 * </pre>
 */
public final class PipeSquares implements RankProgram {
    private static final int MAIN = 0;
    private static final int CREATE_ITEMS = 1;
    private static final int MULTIPLY_ITEMS = 2;
    private static final int ITEM = 0;
    /** The pipe's end: the sender has closed it. */
    private static final int CLOSED = 1;

    /** Makes the program; the launcher calls this once per rank. */
    public PipeSquares() {
    }

    /**
     * Runs the main process (rank 0), {@code create_items} (rank 1) or {@code multiply_items} (rank 2).
     *
     * @param world the three ranks
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        BookOptions.requireRanks(world, 3, 3, "PipeSquares",
                "rank 0 is the main process, rank 1 create_items, rank 2 multiply_items");
        switch (world.rank()) {
            case CREATE_ITEMS -> {
                for (int item = 0; item < 10; item++) {
                    world.send(item, MULTIPLY_ITEMS, ITEM);
                }
                world.send((Object) null, MULTIPLY_ITEMS, CLOSED);
            }
            case MULTIPLY_ITEMS -> {
                for (Received<Integer> in; (in = world.recvWithStatus(CREATE_ITEMS, Intracomm.ANY_TAG)).status().tag() == ITEM;) {
                    world.send(in.value() * in.value(), MAIN, ITEM);
                }
                world.send((Object) null, MAIN, CLOSED);
            }
            default -> {
                for (Received<Integer> in; (in = world.recvWithStatus(MULTIPLY_ITEMS, Intracomm.ANY_TAG)).status().tag() == ITEM;) {
                    System.out.println(in.value());
                }
                System.out.println("End");
            }
        }
    }
}
