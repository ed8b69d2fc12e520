package dev.ranks.comm.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ranks.comm.Comm;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RankMain;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.CommBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs jobs from tests. {@code run} expects the job to complete and fails the test otherwise,
 * with the failing rank's exception as the cause; {@code result} returns how the job ended, for
 * tests that expect it to fail, abort or deadlock. Both fail the test, instead of hanging, when the
 * job has not ended within {@link #TIMEOUT}, and then list every thread's stack.
 */
public final class Jobs {
    /** How long a job may take before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final int FRAMES_PER_THREAD = 30;

    private Jobs() {
    }

    /**
     * Runs a job with default settings and expects it to complete.
     *
     * @param size the number of ranks
     * @param main what each rank runs
     * @return the completed result
     */
    public static JobResult run(int size, RankMain main) {
        return run(size, Settings.defaults(), main);
    }

    /**
     * Runs a job and expects it to complete.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @return the completed result
     */
    public static JobResult run(int size, Settings settings, RankMain main) {
        return run(size, settings, main, Comm::new);
    }

    /**
     * Runs a job whose ranks get the communicator {@code binder} builds, and expects it to complete;
     * for modules that hand out a subclass of {@link Comm}.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @param binder builds each rank's world communicator
     * @return the completed result
     */
    public static JobResult run(int size, Settings settings, RankMain main, CommBinder binder) {
        JobResult result = result(size, settings, main, binder, TIMEOUT);
        if (result.ok()) {
            return result;
        }
        Throwable thrown = null;
        try {
            result.orThrow();
        } catch (RuntimeException | Error e) {
            thrown = e;
        }
        return fail("job of " + size + " ranks did not complete: " + headline(result), thrown);
    }

    /**
     * Runs a job with default settings and returns how it ended.
     *
     * @param size the number of ranks
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult result(int size, RankMain main) {
        return result(size, Settings.defaults(), main);
    }

    /**
     * Runs a job and returns how it ended.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult result(int size, Settings settings, RankMain main) {
        return result(size, settings, main, Comm::new, TIMEOUT);
    }

    /**
     * Runs a job on a thread of its own and returns how it ended, failing the test if it has not
     * ended within {@code timeout}.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @param binder builds each rank's world communicator
     * @param timeout how long the job may take
     * @return how the job ended
     */
    public static JobResult result(int size, Settings settings, RankMain main, CommBinder binder, Duration timeout) {
        CompletableFuture<JobResult> job = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                job.complete(Ranks.run(size, settings, main, binder));
            } catch (Throwable t) {
                job.completeExceptionally(t);
            }
        }, "jobs-runner-" + size + "-ranks");
        runner.setDaemon(true);
        runner.start();
        try {
            return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String threads = threadDump();
            runner.interrupt();
            return fail("job of " + size + " ranks did not end within " + timeout.toMillis() + " ms; threads:\n"
                    + threads);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            return fail("starting a job of " + size + " ranks failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for a job of " + size + " ranks", e);
        }
    }

    private static String headline(JobResult result) {
        return switch (result.outcome()) {
            case COMPLETED -> "completed";
            case FAILED -> "rank " + result.rank() + " failed: " + result.cause();
            case ABORTED -> "rank " + result.rank() + " called abort(" + result.abortCode() + ")";
            case DEADLOCK -> "deadlock\n" + result.describe();
        };
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            StackTraceElement[] frames = entry.getValue();
            if (thread == Thread.currentThread() || frames.length == 0) {
                continue;
            }
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_THREAD); i++) {
                out.append("    at ").append(frames[i]).append('\n');
            }
        }
        return out.toString();
    }
}
