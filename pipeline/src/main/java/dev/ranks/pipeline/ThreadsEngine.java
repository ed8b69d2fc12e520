package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code threads} engine: a fixed pool of worker threads taking calls from one bounded
 * blocking queue, the books' {@code threading} + {@code queue.Queue} pattern. Each batch is fed
 * into the queue by a thread of its own, which blocks while the queue is full, so a large batch
 * never holds more than the queue's capacity of calls waiting and {@link #submit} returns at once.
 * Calls run in this JVM with the configured {@link TaskRegistry}.
 */
public final class ThreadsEngine implements Engine {
    private final TaskRegistry registry;
    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Set<Thread> feeders = ConcurrentHashMap.newKeySet();
    private final Set<Batch> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts the worker threads (daemons, named {@code ranks-task-N}).
     *
     * @param config the worker count, queue capacity and registry
     */
    public ThreadsEngine(EngineConfig config) {
        this.registry = config.registry();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        for (int i = 0; i < config.workers(); i++) {
            String id = "thread-" + i;
            Thread worker = new Thread(() -> work(id), "ranks-task-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public int workers() {
        return workers.size();
    }

    @Override
    public Batch submit(List<Call> calls) {
        if (closed) {
            throw new RanksException(ErrorClass.ARG, "the threads engine is closed: expected an open engine");
        }
        Batch batch = new Batch(name(), workers(), calls);
        open.add(batch);
        Thread feeder = new Thread(() -> feed(batch), "ranks-task-feeder");
        feeder.setDaemon(true);
        feeders.add(feeder);
        feeder.start();
        return batch;
    }

    @Override
    public void close() {
        closed = true;
        feeders.forEach(Thread::interrupt);
        workers.forEach(Thread::interrupt);
        for (Batch batch : open) {
            batch.failRemaining("the threads engine was closed before the call ran", "threads");
        }
    }

    private void feed(Batch batch) {
        try {
            for (int i = 0; i < batch.size(); i++) {
                queue.put(new Job(batch, i));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            feeders.remove(Thread.currentThread());
        }
    }

    private void work(String id) {
        try {
            while (!closed) {
                Job job = queue.take();
                Outcome outcome = registry.run(job.index, job.batch.calls().get(job.index), id, 1);
                job.batch.complete(outcome);
                if (job.batch.completed() == job.batch.size()) {
                    open.remove(job.batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(Batch batch, int index) {
    }

    /** Opens {@link ThreadsEngine}s as the engine {@code threads}. */
    public static final class Provider implements EngineProvider {
        /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
        public Provider() {
        }

        @Override
        public String name() {
            return "threads";
        }

        @Override
        public Engine open(EngineConfig config) {
            return new ThreadsEngine(config);
        }
    }
}
