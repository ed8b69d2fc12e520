package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Palach's pipe between two processes (Palach, <i>Parallel Programming with Python</i>, ch. 5, "Using
 * multiprocessing.Pipe"): a producer process sends {@code random.randint(1, 10)} down a
 * {@code multiprocessing.Pipe} and a consumer process receives it; each prints the value and its PID.
 *
 * <p>Each process is a rank: rank 1 is the producer, rank 0 the consumer, and the pipe is one message,
 * {@link Intracomm#send(Object, int, int)} to {@link Intracomm#recv(int, int)}. The PID is that of the
 * operating-system process the rank runs in. On the local device every rank is a thread of the
 * launcher's one JVM, so both lines show the same PID, and each line names its rank as well; under
 * {@code --device mpj} each rank is a JVM of its own and the PIDs differ. The producer prints before it
 * sends, so its line comes first (Python prints after {@code send}, and either line may come first).
 *
 * <p>A {@link RankProgram} for exactly 2 ranks; other counts fail with a message saying so:
 *
 * <pre>
 * $ bin/launcher -n 2 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.PipeProducerConsumer
 * Value [7] sent by PID [41327] (rank 1)
 * Value [7] received by PID [41327] (rank 0)
 * </pre>
 */
public final class PipeProducerConsumer implements RankProgram {
    private static final int CONSUMER = 0;
    private static final int PRODUCER = 1;
    private static final int PIPE = 0;

    /** Makes the program; the launcher calls this once per rank. */
    public PipeProducerConsumer() {
    }

    /**
     * Runs the producer (rank 1) or the consumer (rank 0).
     *
     * @param world the two ranks
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        BookOptions.requireRanks(world, 2, 2, "PipeProducerConsumer", "rank 0 is the consumer, rank 1 the producer");
        if (world.rank() == PRODUCER) {
            int value = ThreadLocalRandom.current().nextInt(1, 11);
            System.out.println("Value [" + value + "] sent by " + pid(world));
            world.send(value, CONSUMER, PIPE);
        } else {
            int value = world.<Integer>recv(PRODUCER, PIPE);
            System.out.println("Value [" + value + "] received by " + pid(world));
        }
    }

    private static String pid(Intracomm world) {
        return "PID [" + ProcessHandle.current().pid() + "] (rank " + world.rank() + ")";
    }
}
