package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The calls handed to {@link Engine#submit} and the outcomes as they arrive. Readers block in
 * {@link #outcomes(Order)}, {@link #await()} or {@link #forEach}; engines fill it with
 * {@link #complete(Outcome)}, once per call (a second outcome for the same call, which an
 * at-least-once engine may deliver, is dropped).
 */
public final class Batch {
    private final String engine;
    private final int workers;
    private final List<Call> calls;
    private final Outcome[] byIndex;
    private final List<Outcome> arrived = new ArrayList<>();
    private final List<String> deaths = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long start = System.nanoTime();
    private long end;

    /**
     * Creates a batch; its wall time starts now.
     *
     * @param engine the engine's name, for the summary
     * @param workers the engine's worker count, for the summary
     * @param calls the calls, in submission order
     */
    public Batch(String engine, int workers, List<Call> calls) {
        this.engine = engine;
        this.workers = workers;
        this.calls = List.copyOf(calls);
        this.byIndex = new Outcome[calls.size()];
        if (calls.isEmpty()) {
            end = start;
        }
    }

    /** @return the number of calls */
    public int size() {
        return calls.size();
    }

    /** @return the calls in submission order */
    public List<Call> calls() {
        return calls;
    }

    /**
     * Records an outcome and wakes the readers.
     *
     * @param outcome the outcome of the call at {@link Outcome#index()}
     * @return false when that call already had an outcome (this one is dropped)
     * @throws RanksException ({@link ErrorClass#ARG}) when the index is outside the batch
     */
    public boolean complete(Outcome outcome) {
        if (outcome.index() < 0 || outcome.index() >= byIndex.length) {
            throw new RanksException(ErrorClass.ARG, "outcome index " + outcome.index()
                    + " is outside the batch: expected 0 to " + (byIndex.length - 1));
        }
        lock.lock();
        try {
            if (byIndex[outcome.index()] != null) {
                return false;
            }
            byIndex[outcome.index()] = outcome;
            arrived.add(outcome);
            if (arrived.size() == byIndex.length) {
                end = System.nanoTime();
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes every call still without an outcome as failed: what an engine does when it can no
     * longer run them (closed, no worker left).
     *
     * @param reason why, written as each outcome's error
     * @param worker where, written as each outcome's worker
     */
    public void failRemaining(String reason, String worker) {
        for (int i = 0; i < byIndex.length; i++) {
            if (!isDone(i)) {
                complete(Outcome.failure(i, calls.get(i), reason, worker, 0, 0));
            }
        }
    }

    /**
     * Records that a worker died during the batch.
     *
     * @param description which worker, how, and what became of its call
     */
    public void reportDeath(String description) {
        lock.lock();
        try {
            deaths.add(description);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells whether a call has its outcome.
     *
     * @param index the call's position
     * @return whether its outcome arrived
     */
    public boolean isDone(int index) {
        lock.lock();
        try {
            return byIndex[index] != null;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many outcomes have arrived */
    public int completed() {
        lock.lock();
        try {
            return arrived.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The outcomes, each handed out as soon as the order allows; iterating blocks for outcomes still
     * to come.
     *
     * @param order submission or completion order
     * @return an iterator over all the batch's outcomes
     */
    public Iterator<Outcome> outcomes(Order order) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < byIndex.length;
            }

            @Override
            public Outcome next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + byIndex.length + " outcomes were handed out");
                }
                Outcome outcome = order == Order.SUBMISSION ? awaitIndex(next) : awaitArrival(next);
                next++;
                return outcome;
            }
        };
    }

    /**
     * The outcomes as a sequential stream.
     *
     * @param order submission or completion order
     * @return a stream over all the batch's outcomes
     */
    public Stream<Outcome> stream(Order order) {
        return StreamSupport.stream(Spliterators.spliterator(outcomes(order), byIndex.length,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Hands each outcome to a callback on this thread, as soon as the order allows.
     *
     * @param order submission or completion order
     * @param action called once per outcome
     */
    public void forEach(Order order, Consumer<Outcome> action) {
        outcomes(order).forEachRemaining(action);
    }

    /**
     * Waits for every outcome.
     *
     * @return the outcomes in submission order
     */
    public List<Outcome> await() {
        List<Outcome> all = new ArrayList<>(byIndex.length);
        forEach(Order.SUBMISSION, all::add);
        return all;
    }

    /**
     * Waits for every outcome and sums the batch up.
     *
     * @return the summary
     */
    public Summary summary() {
        List<Outcome> all = await();
        lock.lock();
        try {
            return new Summary(engine, all.size(), (int) all.stream().filter(o -> !o.ok()).count(), workers,
                    (end - start) / 1e6, deaths);
        } finally {
            lock.unlock();
        }
    }

    /** @return the worker deaths reported so far */
    public List<String> deaths() {
        lock.lock();
        try {
            return List.copyOf(deaths);
        } finally {
            lock.unlock();
        }
    }

    private Outcome awaitIndex(int index) {
        lock.lock();
        try {
            while (byIndex[index] == null) {
                waitForChange();
            }
            return byIndex[index];
        } finally {
            lock.unlock();
        }
    }

    private Outcome awaitArrival(int position) {
        lock.lock();
        try {
            while (arrived.size() <= position) {
                waitForChange();
            }
            return arrived.get(position);
        } finally {
            lock.unlock();
        }
    }

    private void waitForChange() {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RanksException(ErrorClass.ABORTED, -1, "interrupted while waiting for the outcomes of "
                    + engine + " tasks", e);
        }
    }
}
