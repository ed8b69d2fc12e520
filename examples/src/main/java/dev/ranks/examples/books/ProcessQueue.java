package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Cookbook's queue between two processes (Zaccone, <i>Python Parallel Programming Cookbook</i>, ch. 3,
 * "Using a queue to exchange data"): process {@code producer-1} puts 10 random numbers from 0 to 256 into
 * a {@code multiprocessing.Queue}, one every unit, and prints the queue's size after each pause; process
 * {@code consumer-2} takes them, pausing 2 units before and 1 after each, and prints
 * {@code the queue is empty} at the end.
 *
 * <p>Each process is a rank, rank 0 the producer and rank 1 the consumer, and the queue is the messages
 * between them: {@code put} is a send to rank 1, {@code get} a receive from rank 0, and, as a queue,
 * they keep their order. {@code qsize()} is the number sent less the number the consumer has taken,
 * which it reports to the producer with a message for each. The book's consumer stops at the first
 * {@code empty()} it sees, which races with the producer (a consumer that looked before the first
 * {@code put} would take nothing); here the producer ends the queue with an end-of-stream message after
 * its last number, and the consumer, which takes everything before it, then prints
 * {@code the queue is empty}.
 *
 * <p>The book's unit is a second; here it is {@code --unit MS} milliseconds, 50 by default. A
 * {@link RankProgram} for exactly 2 ranks:
 *
 * <pre>
 * $ bin/launcher -n 2 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.ProcessQueue
 * Process Producer : item 69 appended to queue producer-1
 * The size of queue is 1
 * Process Producer : item 173 appended to queue producer-1
 * The size of queue is 2
 * Process Consumer : item 69 popped                         from by consumer-2
 * ...
 * Process Consumer : item 33 popped                         from by consumer-2
 * the queue is empty
 * </pre>
 */
public final class ProcessQueue implements RankProgram {
    private static final int PRODUCER = 0;
    private static final int CONSUMER = 1;
    private static final int ITEMS = 10;
    /** Producer to consumer: a number, or null after the last. */
    private static final int QUEUE = 0;
    /** Consumer to producer: one number taken, for {@code qsize()}. */
    private static final int TAKEN = 1;

    /** Makes the program; the launcher calls this once per rank. */
    public ProcessQueue() {
    }

    /**
     * Runs the producer (rank 0) or the consumer (rank 1).
     *
     * @param world the two ranks
     * @param args optionally {@code --unit MS}, the milliseconds that stand for the book's second
     */
    @Override
    public void run(Intracomm world, String[] args) {
        BookOptions.requireRanks(world, 2, 2, "ProcessQueue", "rank 0 is the producer, rank 1 the consumer");
        long unit = BookOptions.parse("ProcessQueue", args, Map.of("unit", 50L)).get("unit");
        if (world.rank() == PRODUCER) {
            produce(world, unit);
        } else {
            consume(world, unit);
        }
    }

    private static void produce(Intracomm world, long unit) {
        int taken = 0;
        for (int i = 0; i < ITEMS; i++) {
            int item = ThreadLocalRandom.current().nextInt(0, 257);
            world.send(item, CONSUMER, QUEUE);
            System.out.println("Process Producer : item " + item + " appended to queue producer-1");
            Nap.sleep(unit);
            while (world.iprobe(CONSUMER, TAKEN).isPresent()) {
                world.<Object>recv(CONSUMER, TAKEN);
                taken++;
            }
            System.out.println("The size of queue is " + (i + 1 - taken));
        }
        world.send((Object) null, CONSUMER, QUEUE);
        for (; taken < ITEMS; taken++) {
            world.<Object>recv(CONSUMER, TAKEN); // every report is received before the job ends
        }
    }

    private static void consume(Intracomm world, long unit) {
        while (true) {
            Nap.sleep(2 * unit);
            Integer item = world.recv(PRODUCER, QUEUE);
            if (item == null) {
                System.out.println("the queue is empty");
                return;
            }
            world.send((Object) null, PRODUCER, TAKEN);
            // the book's string continues on the next line with a backslash, so it holds that line's indent
            System.out.println("Process Consumer : item " + item + " popped                         from by consumer-2 \n");
            Nap.sleep(unit);
        }
    }
}
