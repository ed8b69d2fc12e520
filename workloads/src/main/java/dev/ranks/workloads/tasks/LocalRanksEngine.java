package dev.ranks.workloads.tasks;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.RanksException;
import dev.ranks.pipeline.Batch;
import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.Engine;
import dev.ranks.pipeline.EngineConfig;
import dev.ranks.pipeline.EngineProvider;
import dev.ranks.pipeline.TaskRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The {@code ranks} engine as {@code Engines.open} gives it: a local-device job of
 * {@code workers + 1} ranks running in the background, rank 0 taking batches from a queue and
 * scheduling them with {@link RanksEngine}, so that {@link #submit} returns at once as with the
 * other engines. Inside a job of one's own (the launcher's {@code -n}), use {@link RanksEngine}.
 */
public final class LocalRanksEngine implements Engine {
    private final BlockingQueue<Optional<Batch>> batches = new LinkedBlockingQueue<>();
    private final int workers;
    private final Thread job;
    private volatile JobResult result;
    private volatile boolean closed;

    LocalRanksEngine(EngineConfig config) {
        this.workers = config.workers();
        TaskRegistry registry = config.registry();
        this.job = new Thread(() -> result = Ranks.run(workers + 1, comm -> {
            if (comm.rank() != 0) {
                RanksEngine.serve(comm, registry);
                return;
            }
            try (RanksEngine engine = RanksEngine.onRoot(comm, registry)) {
                for (Optional<Batch> batch = batches.take(); batch.isPresent(); batch = batches.take()) {
                    engine.schedule(batch.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "ranks-engine-job");
        this.job.setDaemon(true);
        this.job.start();
    }

    @Override
    public String name() {
        return "ranks";
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public Batch submit(List<Call> calls) {
        if (closed || !job.isAlive()) {
            throw new RanksException(ErrorClass.ARG, "the ranks engine is closed"
                    + (result != null && !result.ok() ? " (its job failed: " + result.describe() + ")" : "")
                    + ": expected an open engine");
        }
        Batch batch = new Batch(name(), workers, calls);
        batches.add(Optional.of(batch));
        return batch;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        batches.add(Optional.empty());
        try {
            job.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens the engine {@code ranks}: a local job of {@code workers + 1} ranks. */
    public static final class Provider implements EngineProvider {
        /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "ranks";
        }

        @Override
        public Engine open(EngineConfig config) {
            return new LocalRanksEngine(config);
        }
    }
}
