package dev.ranks.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs batches of calls: threads, worker processes, named pipes, ranks, or a task queue. Open one
 * with {@link Engines#open}; close it to stop its workers.
 *
 * <pre>{@code
 * try (Engine engine = Engines.open("processes", EngineConfig.defaults().withWorkers(4))) {
 *     Batch batch = engine.submit(List.of(Call.of("fib", 30), Call.of("sqrt", 2.0)));
 *     batch.forEach(Order.COMPLETION, o -> System.out.println(o.call() + " -> " + o.value()));
 *     System.out.println(batch.summary().line());
 * }
 * }</pre>
 */
public interface Engine extends AutoCloseable {
    /** @return the engine's name, such as {@code threads} */
    String name();

    /** @return how many workers run calls at once */
    int workers();

    /**
     * Starts running calls and returns at once (an engine whose scheduling must run on the
     * caller's thread, such as {@code ranks} on rank 0, returns when the batch is done). Several
     * batches may be in flight together.
     *
     * @param calls the calls
     * @return the batch, filled as outcomes arrive
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ARG}) when the engine is closed
     */
    Batch submit(List<Call> calls);

    /**
     * Python's {@code Pool.map}: runs {@code task(x)} for every input on this engine's workers and
     * returns the results in the inputs' order, once all are done; {@code map("square", 0..99)} is
     * {@code [0, 1, 4, ..., 9801]}. Each input is the call's one positional argument.
     *
     * @param task the task's name or alias
     * @param inputs the inputs, JSON-compatible values
     * @return the results, in the inputs' order
     * @throws dev.ranks.comm.RanksException ({@link dev.ranks.comm.ErrorClass#ABORTED}) for the
     *     first input whose call failed, with its error, as {@code Pool.map} raises the first
     */
    default List<Object> map(String task, List<?> inputs) {
        List<Call> calls = new ArrayList<>(inputs.size());
        for (Object input : inputs) {
            calls.add(Call.of(task, input));
        }
        List<Object> results = new ArrayList<>(inputs.size());
        for (Outcome outcome : submit(calls).await()) {
            results.add(outcome.value());
        }
        return results;
    }

    /** Stops the workers; calls still running or queued end as failed outcomes. */
    @Override
    void close();
}
