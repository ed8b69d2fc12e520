package dev.ranks.comm.internal.local;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.spi.SharedMemory;
import dev.ranks.comm.spi.SharedWait;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One rank's view of the memory its job shares: ranks are threads of this JVM, so a
 * communicator's shared-memory collectives keep their flags and buffers in plain Java objects,
 * one per communicator, held by the job. A rank blocked on one is registered with the job like a
 * rank blocked on a message, so the deadlock check and the end of the job see it.
 */
final class LocalSharedMemory implements SharedMemory {
    private final LocalJob job;
    private final int rank;
    private final boolean spin;

    LocalSharedMemory(LocalJob job, int rank, boolean spin) {
        this.job = job;
        this.rank = rank;
        this.spin = spin;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T area(Object key, Supplier<T> create) {
        return (T) job.areas().computeIfAbsent(key, k -> create.get());
    }

    @Override
    public boolean spin() {
        return spin;
    }

    @Override
    public void checkRunning() {
        job.checkRunning(rank);
    }

    @Override
    public void await(SharedWait wait) {
        if (wait.done()) {
            return;
        }
        Adapter adapter = new Adapter(wait);
        wait.arm(Thread.currentThread());
        boolean interrupted = false;
        try {
            job.block(rank, adapter);
            try {
                while (!wait.done()) {
                    job.checkRunning(rank);
                    // As in LocalEndpoint: answer an interrupt rather than park again at once, forever.
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted = true;
                        break;
                    }
                    LockSupport.park(this);
                }
            } finally {
                job.unblock(rank);
            }
        } finally {
            wait.disarm();
        }
        if (interrupted) {
            Thread.interrupted();
            throw new RanksException(ErrorClass.ABORTED, rank, "rank " + rank + " was interrupted while blocked in "
                    + wait.describe(), new InterruptedException());
        }
    }

    /** A shared wait as the job's deadlock check sees waits. */
    private record Adapter(SharedWait shared) implements Wait {
        @Override
        public boolean done() {
            return shared.done();
        }

        @Override
        public void arm(Thread waiter) {
            shared.arm(waiter);
        }

        @Override
        public void disarm() {
            shared.disarm();
        }

        @Override
        public String describe() {
            return shared.describe();
        }

        @Override
        public void targets(IntConsumer ranks) {
            shared.targets(ranks);
        }
    }
}
