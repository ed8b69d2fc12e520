package dev.ranks.workloads.tasks;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Received;
import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.Json;
import dev.ranks.pipeline.Outcome;
import dev.ranks.pipeline.TaskRegistry;
import java.util.List;
import java.util.Map;

/**
 * The {@code ranks} engine: calls spread over the ranks of a communicator, rank 0 scheduling with
 * dynamic load balance, the books' master/worker pattern with {@code comm.recv(source=ANY_SOURCE)}.
 *
 * <p>Rank 0 holds the engine ({@link #onRoot}) and every other rank {@link #serve}s. Rank 0 sends
 * one call to each worker rank, then each time a result arrives, from whichever rank, sends that
 * rank the next call: a rank that draws cheap calls simply asks more often, where a static
 * partition would leave it idle. Requests and replies travel as the JSON texts of
 * {@link Json#writeRequest} and {@link Json#writeReply}, so any device carries them. On a
 * communicator of one rank, rank 0 runs the calls itself.
 *
 * <p>A communicator belongs to its rank's thread, so {@link #submit} schedules on the calling
 * thread (rank 0's) and returns when the batch is done; {@link Batch#forEach} with
 * {@link dev.ranks.pipeline.Order#COMPLETION} still sees the order results came in. The engine
 * opened by name ({@code Engines.open("ranks", ...)}) runs a local job of its own instead, with
 * batches handed to its rank 0 (see {@link LocalRanksEngine}).
 */
public final class RanksEngine implements Engine {
    /** The tag of a request, rank 0 to a worker rank. */
    public static final int TAG_TASK = 701;
    /** The tag of a reply, a worker rank to rank 0. */
    public static final int TAG_RESULT = 702;
    /** The tag that tells a worker rank to return from {@link #serve}. */
    public static final int TAG_STOP = 703;

    private final Comm comm;
    private final TaskRegistry registry;
    private boolean closed;

    private RanksEngine(Comm comm, TaskRegistry registry) {
        this.comm = comm;
        this.registry = registry;
    }

    /**
     * The engine, on rank 0; every other rank must call {@link #serve} meanwhile.
     *
     * @param comm the communicator, as seen by rank 0
     * @param registry the tasks rank 0 runs itself on a communicator of one rank
     * @return the engine
     * @throws RanksException ({@link ErrorClass#RANK}) when called on a rank other than 0
     */
    public static RanksEngine onRoot(Comm comm, TaskRegistry registry) {
        if (comm.rank() != 0) {
            throw new RanksException(ErrorClass.RANK, "the ranks engine is opened on rank " + comm.rank()
                    + ": expected rank 0, with the other ranks calling RanksEngine.serve");
        }
        return new RanksEngine(comm, registry);
    }

    /**
     * Runs calls sent by rank 0 until it closes its engine.
     *
     * @param comm the communicator, as seen by a rank other than 0
     * @param registry the tasks
     */
    public static void serve(Comm comm, TaskRegistry registry) {
        String worker = "rank-" + comm.rank();
        while (true) {
            Received<String> message = comm.recvWithStatus(0, Comm.ANY_TAG);
            if (message.status().tag() == TAG_STOP) {
                return;
            }
            Map<String, Object> request = Json.readObject(message.value());
            long id = Json.readLong(request, "id");
            Outcome outcome;
            try {
                outcome = registry.run((int) id, Json.readCall(request), worker, 1);
            } catch (RanksException e) {
                outcome = Outcome.failure((int) id, Call.of("?"), Outcome.trace(e), worker, 0, 1);
            }
            comm.send(Json.writeReply(id, outcome), 0, TAG_RESULT);
        }
    }

    @Override
    public String name() {
        return "ranks";
    }

    /** @return the worker ranks, all but rank 0; 1 on a communicator of one rank, where rank 0 works */
    @Override
    public int workers() {
        return Math.max(1, comm.size() - 1);
    }

    /**
     * Runs the calls over the worker ranks and returns when all are done.
     *
     * @param calls the calls
     * @return the finished batch
     * @throws RanksException ({@link ErrorClass#ARG}) when the engine is closed
     */
    @Override
    public Batch submit(List<Call> calls) {
        Batch batch = new Batch(name(), workers(), calls);
        schedule(batch);
        return batch;
    }

    void schedule(Batch batch) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the ranks engine is closed: expected an open engine");
        }
        List<Call> calls = batch.calls();
        if (comm.size() == 1) {
            for (int i = 0; i < calls.size(); i++) {
                batch.complete(registry.run(i, calls.get(i), "rank-0", 1));
            }
            return;
        }
        int next = 0;
        int inFlight = 0;
        for (int rank = 1; rank < comm.size() && next < calls.size(); rank++, next++, inFlight++) {
            comm.send(Json.writeRequest(next, calls.get(next)), rank, TAG_TASK);
        }
        while (inFlight > 0) {
            Received<String> message = comm.recvWithStatus(Comm.ANY_SOURCE, TAG_RESULT);
            inFlight--;
            Map<String, Object> reply = Json.readObject(message.value());
            int index = (int) Json.readLong(reply, "id");
            batch.complete(Json.readOutcome(reply, index, calls.get(index), 1));
            if (next < calls.size()) {
                comm.send(Json.writeRequest(next, calls.get(next)), message.status().source(), TAG_TASK);
                next++;
                inFlight++;
            }
        }
    }

    /** Tells every worker rank to return from {@link #serve}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int rank = 1; rank < comm.size(); rank++) {
            comm.send("stop", rank, TAG_STOP);
        }
    }
}
