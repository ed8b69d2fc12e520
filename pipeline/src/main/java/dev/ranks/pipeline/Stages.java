package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A producer/consumer pipeline of stages joined by bounded blocking queues: the books' producer
 * and consumer threads around a {@code queue.Queue}, or around a list guarded by a
 * {@code Condition}, grown to any number of stages.
 *
 * <pre>{@code
 * Stages.from(urls, 16)                          // a producer thread, 16 items ahead at most
 *       .map("fetch", 8, 16, Fetcher::fetch)     // 8 threads, 16 results waiting at most
 *       .map("parse", 2, 16, Parser::links)
 *       .run(links -> System.out.println(links)); // the consumer, on this thread
 * }</pre>
 *
 * <p><b>Back-pressure.</b> Every queue is bounded and every hand-over is a blocking {@code put}:
 * when the consumer is slow, the queues in front of it fill and each stage, then the producer,
 * waits. Items in flight never exceed the sum of the capacities plus one per thread, whatever the
 * source's size. With more than one thread a stage may reorder items. The first exception in any
 * stage stops every thread and is rethrown by {@link Running#await()}.
 *
 * @param <T> the type of the items the last stage puts out
 */
public final class Stages<T> {
    private static final Object END = new Object();

    private final Iterable<?> source;
    private final int sourceCapacity;
    private final List<Step> steps;

    private Stages(Iterable<?> source, int sourceCapacity, List<Step> steps) {
        this.source = source;
        this.sourceCapacity = sourceCapacity;
        this.steps = steps;
    }

    /**
     * Starts a pipeline at a producer: one thread iterating {@code source}.
     *
     * @param source the items; its iterator runs on the producer thread
     * @param capacity the bound of the queue the producer fills
     * @param <T> the items' type
     * @return the pipeline so far
     * @throws RanksException ({@link ErrorClass#ARG}) when the capacity is below 1
     */
    public static <T> Stages<T> from(Iterable<? extends T> source, int capacity) {
        checkPositive("capacity", capacity);
        return new Stages<>(source, capacity, List.of());
    }

    /**
     * Adds a stage.
     *
     * @param name the stage's name, for its threads and errors
     * @param threads how many threads apply {@code fn}
     * @param capacity the bound of the queue the stage fills
     * @param fn what the stage does to each item
     * @param <R> the stage's output type
     * @return the pipeline so far
     * @throws RanksException ({@link ErrorClass#ARG}) when a count is below 1
     */
    public <R> Stages<R> map(String name, int threads, int capacity, Function<? super T, ? extends R> fn) {
        checkPositive("threads", threads);
        checkPositive("capacity", capacity);
        @SuppressWarnings("unchecked")
        Function<Object, Object> untyped = (Function<Object, Object>) (Function<?, ?>) fn;
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(name, threads, capacity, untyped));
        return new Stages<>(source, sourceCapacity, more);
    }

    /**
     * Runs the pipeline with {@code sink} as its consumer on this thread; returns when every item
     * was consumed.
     *
     * @param sink the consumer
     * @throws RanksException ({@link ErrorClass#ABORTED}) carrying the first failure of any stage
     */
    public void run(Consumer<? super T> sink) {
        start(sink).await();
    }

    /**
     * Starts the pipeline with {@code sink} as its consumer on a thread of its own.
     *
     * @param sink the consumer
     * @return the running pipeline
     */
    public Running start(Consumer<? super T> sink) {
        Running running = new Running();
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        queues.add(new ArrayBlockingQueue<>(sourceCapacity));
        for (Step step : steps) {
            queues.add(new ArrayBlockingQueue<>(step.capacity));
        }
        running.spawn("producer", () -> {
            for (Object item : source) {
                queues.get(0).put(item);
            }
            queues.get(0).put(END);
        });
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            BlockingQueue<Object> in = queues.get(s);
            BlockingQueue<Object> out = queues.get(s + 1);
            AtomicInteger live = new AtomicInteger(step.threads);
            for (int t = 0; t < step.threads; t++) {
                running.spawn(step.name + "-" + t, () -> step.drain(in, out, live));
            }
        }
        BlockingQueue<Object> last = queues.get(queues.size() - 1);
        running.spawn("consumer", () -> {
            for (Object item = last.take(); item != END; item = last.take()) {
                @SuppressWarnings("unchecked")
                T value = (T) item;
                sink.accept(value);
            }
        });
        return running;
    }

    private static void checkPositive(String what, int value) {
        if (value < 1) {
            throw new RanksException(ErrorClass.ARG, "stage " + what + " " + value + " is invalid: expected at least 1");
        }
    }

    private record Step(String name, int threads, int capacity, Function<Object, Object> fn) {
        void drain(BlockingQueue<Object> in, BlockingQueue<Object> out, AtomicInteger live)
                throws InterruptedException {
            for (Object item = in.take(); item != END; item = in.take()) {
                out.put(fn.apply(item));
            }
            // Leave the end mark for this stage's other threads; the last one passes it on.
            in.put(END);
            if (live.decrementAndGet() == 0) {
                out.put(END);
            }
        }
    }

    /** A started pipeline: its threads, and the first failure among them. */
    public static final class Running {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Running() {
        }

        /**
         * Waits for every thread of the pipeline.
         *
         * @throws RanksException ({@link ErrorClass#ABORTED}) carrying the first failure of any stage,
         *     or when this thread is interrupted (the pipeline is stopped first)
         */
        public void await() {
            try {
                for (Thread thread : threads) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while waiting for the pipeline", e);
            }
            Throwable first = failure.get();
            if (first != null) {
                throw new RanksException(ErrorClass.ABORTED, -1, "pipeline stage failed: " + first, first);
            }
        }

        /** Stops every thread of the pipeline; items in flight are dropped. */
        public void stop() {
            threads.forEach(Thread::interrupt);
        }

        private void spawn(String name, Body body) {
            Thread thread = new Thread(() -> {
                try {
                    body.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    if (failure.compareAndSet(null, e)) {
                        stop();
                    }
                }
            }, "ranks-stage-" + name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private interface Body {
        void run() throws InterruptedException;
    }
}
