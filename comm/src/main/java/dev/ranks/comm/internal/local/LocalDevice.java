package dev.ranks.comm.internal.local;

import dev.ranks.comm.JobResult;
import dev.ranks.comm.RankMain;
import dev.ranks.comm.Settings;
import dev.ranks.comm.WaitPolicy;
import dev.ranks.comm.spi.CommBinder;
import dev.ranks.comm.spi.Device;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default device: ranks are threads of this JVM. Ranks share static fields, since
 * they share one class loader.
 */
public final class LocalDevice implements Device {
    /**
     * How long to wait for ranks still busy in their own code after the job has ended; they are
     * daemon threads, so they cannot keep the JVM alive after that.
     */
    private static final long GRACE_MILLIS = 1000;

    /** Creates the device; used by {@link java.util.ServiceLoader}. */
    public LocalDevice() {
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public JobResult run(int size, Settings settings, RankMain main, CommBinder binder) {
        LocalJob job = new LocalJob(size, settings);
        boolean spin = switch (settings.waitPolicy()) {
            case SPIN -> true;
            case PARK -> false;
            case AUTO -> size <= Runtime.getRuntime().availableProcessors();
        };
        CountDownLatch exited = new CountDownLatch(size);
        Thread[] threads = new Thread[size];
        for (int r = 0; r < size; r++) {
            LocalEndpoint endpoint = new LocalEndpoint(job, r, spin);
            int rank = r;
            threads[r] = new Thread(() -> runRank(job, rank, main, binder, endpoint, exited), "rank-" + r);
            endpoint.runsOn(threads[r]);
            threads[r].setDaemon(true);
            job.rankThread(r, threads[r]);
        }
        for (Thread t : threads) {
            t.start();
        }
        awaitRanks(job, exited);
        JobResult end = job.end();
        return end == null ? JobResult.completed() : end;
    }

    private static void runRank(LocalJob job, int rank, RankMain main, CommBinder binder, LocalEndpoint endpoint,
                                CountDownLatch exited) {
        try {
            main.run(binder.bind(endpoint));
            job.finished(rank);
        } catch (Throwable t) {
            job.failed(rank, t);
        } finally {
            exited.countDown();
            if (exited.getCount() == 0) {
                job.settle();
            }
        }
    }

    /**
     * Sleeps until every rank has exited or the job has ended, then gives ranks still busy in
     * their own code a grace period; nothing polls meanwhile.
     */
    private static void awaitRanks(LocalJob job, CountDownLatch exited) {
        boolean interrupted = false;
        while (true) {
            try {
                job.awaitSettled();
                if (job.end() != null) {
                    exited.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
