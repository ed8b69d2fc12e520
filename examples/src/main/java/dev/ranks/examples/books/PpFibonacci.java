package dev.ranks.examples.books;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.RankProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Palach's Parallel Python Fibonacci on SMP (Palach, <i>Parallel Programming with Python</i>, ch. 6,
 * "Using Parallel Python", "Discovering pp"): a {@code pp.Server()} job server runs
 * {@code fibo_task(value)} for each value of {@code input_list = [4, 3, 8, 6, 10]}; the task returns the pair
 * {@code (value, "the fibonacci calculated by pid %d was %d")}, and the callback
 * {@code aggregate_results}, which runs in the main process, prints its pid and stores the message in
 * {@code result_dict}. Then the main process prints its own pid and one line per input:
 *
 * <pre>
 * $ bin/launcher -n 3 run --class-path examples/target/ranks-examples.jar dev.ranks.examples.books.PpFibonacci
 * Computing results with PID [4242]
 * Computing results with PID [4242]
 * Computing results with PID [4242]
 * Computing results with PID [4242]
 * Computing results with PID [4242]
 * Main process PID [4242]
 * For input 4, the fibonacci calculated by pid 4242 was 3
 * For input 3, the fibonacci calculated by pid 4242 was 2
 * For input 8, the fibonacci calculated by pid 4242 was 21
 * For input 6, the fibonacci calculated by pid 4242 was 8
 * For input 10, the fibonacci calculated by pid 4242 was 55
 * </pre>
 *
 * <p>Ranks' means: the job server's workers are the ranks. Rank 0, the main process, scatters the inputs
 * ({@link Intracomm#scatter}), value i to rank i mod size, every rank runs {@code fibo_task} on its
 * share, and rank 0 gathers the pairs ({@link Intracomm#gather}) and runs the callback on each, in the
 * order of {@code input_list}. The pid is the JVM's: on the local device every rank is a thread of the
 * launcher's JVM, so all the pids are one; with {@code --device mpj --mpj-dev niodev} each rank is a JVM
 * of its own and the tasks' pids differ, as pp's workers' do. A {@link RankProgram}, at any number of ranks.
 */
public final class PpFibonacci implements RankProgram {
    /** The book's {@code input_list}. */
    private static final List<Integer> INPUT_LIST = List.of(4, 3, 8, 6, 10);

    /** Makes the program; the launcher calls this once per rank. */
    public PpFibonacci() {
    }

    /**
     * Runs one worker of the job server; rank 0 is the main process as well.
     *
     * @param world the ranks of the job
     * @param args none
     */
    @Override
    public void run(Intracomm world, String[] args) {
        List<ArrayList<Integer>> shares = new ArrayList<>();
        if (world.rank() == 0) {
            for (int r = 0; r < world.size(); r++) {
                shares.add(new ArrayList<>());
            }
            for (int i = 0; i < INPUT_LIST.size(); i++) {
                shares.get(i % world.size()).add(INPUT_LIST.get(i));
            }
        }
        ArrayList<Integer> mine = world.scatter(shares, 0);
        ArrayList<FiboResult> results = new ArrayList<>();
        for (int value : mine) {
            results.add(fiboTask(value));
        }
        List<ArrayList<FiboResult>> all = world.gather(results, 0);
        if (world.rank() == 0) {
            List<FiboResult> resultDict = new ArrayList<>();
            for (int i = 0; i < INPUT_LIST.size(); i++) {
                FiboResult result = all.get(i % world.size()).get(i / world.size());
                System.out.println("Computing results with PID [" + ProcessHandle.current().pid() + "]"); // aggregate_results
                resultDict.add(result);
            }
            System.out.println("Main process PID [" + ProcessHandle.current().pid() + "]");
            for (FiboResult result : resultDict) {
                System.out.println("For input " + result.value() + ", " + result.message());
            }
        }
    }

    /**
     * The pair {@code fibo_task} returns.
     *
     * @param value the input
     * @param message the book's message, with the pid of the JVM that computed it
     */
    record FiboResult(int value, String message) {
    }

    /** The book's {@code fibo_task}: {@code a, b = b, a + b} {@code value} times. */
    static FiboResult fiboTask(int value) {
        long a = Fibonacci.term(value);
        return new FiboResult(value, "the fibonacci calculated by pid " + ProcessHandle.current().pid() + " was " + a);
    }
}
