package dev.ranks.pipeline;

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

    /** Stops the workers; calls still running or queued end as failed outcomes. */
    @Override
    void close();
}
