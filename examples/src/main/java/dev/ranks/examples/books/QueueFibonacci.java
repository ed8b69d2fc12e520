package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import dev.ranks.comm.Received;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Palach's Fibonacci terms with processes, a queue and a managed dict (Palach, <i>Parallel Programming
 * with Python</i>, ch. 5, "Using multiprocessing.Queue"): a producer process puts 15 random numbers from
 * 1 to 20 into a {@code multiprocessing.Queue}; once it has ended, consumer processes take numbers until
 * the queue is empty and store each number's Fibonacci term in a {@code Manager().dict()}; the main
 * process prints the dict.
 *
 * <p>Each process is a rank, and the two objects Python serves from behind the scenes (the queue's pipe
 * and the manager's server process) are rank 0, which the others talk to with messages. Rank R is
 * {@code Process-R+1}, as in the book, where the manager is {@code Process-1}: rank 1 is the producer,
 * {@code Process-2}, and sends each number to rank 0 ({@code put}); ranks 2 and up are the consumers,
 * {@code Process-3}, {@code Process-4}, ..., which ask rank 0 for a number ({@code get}) until
 * it answers that the queue is empty, and send it each term ({@code fibo_dict[value] = a}). Rank 0
 * answers the consumers only once the producer has sent its last number, as the book starts them only
 * after {@code producer.join()}.
 *
 * <p>The term is the book's: fib(1) = fib(2) = 1, fib(20) = 6765. A number drawn twice is one key, as in
 * the dict. Python's dict lists keys in the order the consumers happened to store them; here they are in
 * the order the producer first put them, so that a {@code --seed} gives the same line on every run and
 * at any number of ranks. Without {@code --seed} the numbers differ from run to run, as the book's do.
 *
 * <p>Each line is logged in the book's format, {@code %(asctime)s - %(message)s}.
 *
 * <p>A {@link RankProgram} for 3 ranks or more (the queue and manager, the producer, a consumer):
 *
 * <pre>
 * $ bin/launcher -n 4 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.QueueFibonacci --seed 7
 * 2026-12-07 16:01:13,424 - Producer [Process-2] putting value [10] into queue.. 
 * 2026-12-07 16:01:13,425 - Producer [Process-2] putting value [3] into queue.. 
 * ...
 * 2026-12-07 16:01:13,436 - consumer [Process-4] getting value [3] from queue...
 * 2026-12-07 16:01:13,439 - consumer [Process-3] getting value [10] from queue...
 * ...
 * 2026-12-07 16:01:13,481 - {10: 55, 3: 2, 7: 13, ...}
 * </pre>
 */
public final class QueueFibonacci implements RankProgram {
    private static final int SERVER = 0;
    private static final int PRODUCER = 1;
    private static final int ITEMS = 15;
    /** Producer to server: a number, or null once the producer has ended. */
    private static final int PUT = 1;
    /** Consumer to server: give me a number. */
    private static final int GET = 2;
    /** Server to consumer: a number, or null when the queue is empty. */
    private static final int ITEM = 3;
    /** Consumer to server: a {@link Term} for the dict. */
    private static final int SET = 4;

    /** One entry of the book's {@code fibo_dict}. */
    record Term(int value, long fibonacci) {
    }

    /** Makes the program; the launcher calls this once per rank. */
    public QueueFibonacci() {
    }

    /**
     * Runs the queue and manager (rank 0), the producer (rank 1) or a consumer (ranks 2 and up).
     *
     * @param world three ranks or more
     * @param args optionally {@code --seed S}, the seed of the producer's numbers
     */
    @Override
    public void run(Intracomm world, String[] args) {
        BookOptions.requireRanks(world, 3, Integer.MAX_VALUE,
                "QueueFibonacci",
                "rank 0 is the queue and the dict, rank 1 the producer, ranks 2 and up the consumers");
        Long seed = args.length == 0 ? null : BookOptions.parse("QueueFibonacci", args, Map.of("seed", 0L)).get("seed");
        switch (world.rank()) {
            case SERVER -> serve(world);
            case PRODUCER -> produce(world, seed == null ? new Random() : new Random(seed));
            default -> consume(world);
        }
    }

    private static void produce(Intracomm world, Random random) {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            data.add(random.nextInt(1, 21));
        }
        for (int item : data) {
            log("Producer [" + name(world) + "] putting value [" + item + "] into queue.. ");
            world.send(item, SERVER, PUT);
        }
        world.send((Object) null, SERVER, PUT);
    }

    private static void consume(Intracomm world) {
        while (true) {
            world.send((Object) null, SERVER, GET);
            Integer value = world.recv(SERVER, ITEM);
            if (value == null) {
                return;
            }
            long a = Fibonacci.term(value);
            world.send(new Term(value, a), SERVER, SET);
            log("consumer [" + name(world) + "] getting value [" + value + "] from queue...");
        }
    }

    /** The queue and the manager's dict; prints the dict once every consumer has found the queue empty. */
    private static void serve(Intracomm world) {
        Queue<Integer> queue = new ArrayDeque<>();
        Set<Integer> keys = new LinkedHashSet<>(); // the dict's order: the order the producer first put each number
        for (Integer item; (item = world.recv(PRODUCER, PUT)) != null;) {
            queue.add(item);
            keys.add(item);
        }
        Map<Integer, Long> dict = new HashMap<>();
        for (int ended = 0; ended < world.size() - 2;) {
            Received<Term> message = world.recvWithStatus(Intracomm.ANY_SOURCE, Intracomm.ANY_TAG);
            if (message.status().tag() == SET) {
                dict.put(message.value().value(), message.value().fibonacci());
            } else {
                Integer item = queue.poll();
                world.send(item, message.status().source(), ITEM);
                if (item == null) {
                    ended++;
                }
            }
        }
        StringJoiner repr = new StringJoiner(", ", "{", "}");
        keys.forEach(key -> repr.add(key + ": " + dict.get(key)));
        log(repr.toString());
    }

    /** The book's {@code logger.info}: {@code %(asctime)s - %(message)s}. */
    private static void log(String message) {
        System.out.println(Asctime.now() + " - " + message);
    }

    /** Python's {@code current_process().name}: {@code Process-N}, the manager (rank 0) being Process-1. */
    private static String name(Intracomm world) {
        return "Process-" + (world.rank() + 1);
    }
}
