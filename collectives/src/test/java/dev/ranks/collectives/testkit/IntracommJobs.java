package dev.ranks.collectives.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ranks.collectives.Algorithm;
import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.collectives.Requirement;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;
import java.util.Map;

/**
 * Runs jobs of {@link Intracomm}s through the comm test kit ({@link Jobs}), so that a failing rank
 * fails the test with its stack trace and a hung collective fails it after {@link Jobs#TIMEOUT}.
 * A job that forces a native algorithm ({@code Map.of("allreduce", "native")}) runs on a
 * {@link NativeDevice} that runs every type and reduction itself, since the local device has no
 * collectives of its own: the tests that run every algorithm of a collective run the native path
 * too.
 */
public final class IntracommJobs {
    private IntracommJobs() {
    }

    /**
     * Runs a job with default settings and fails the test unless every rank completes.
     *
     * @param size the number of ranks
     * @param main what each rank runs
     * @return how the job ended (always completed)
     */
    public static JobResult run(int size, IntracommMain main) {
        return run(size, Settings.defaults(), main);
    }

    /**
     * Runs a job with forced collective algorithms and fails the test unless every rank completes.
     *
     * @param size the number of ranks
     * @param collectives algorithms by collective, such as {@code Map.of("allgather", "ring")}
     * @param main what each rank runs
     * @return how the job ended (always completed)
     */
    public static JobResult run(int size, Map<String, String> collectives, IntracommMain main) {
        Settings settings = Settings.defaults().withCollectives(collectives);
        if (forcesNative(collectives)) {
            return NativeDevice.all().run(size, settings, main);
        }
        return run(size, settings, main);
    }

    /**
     * Runs a job and fails the test unless every rank completes.
     *
     * @param size the number of ranks
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended (always completed)
     */
    public static JobResult run(int size, Settings settings, IntracommMain main) {
        return Jobs.run(size, settings, comm -> main.run((Intracomm) comm), Intracomm.binder());
    }

    /**
     * Runs a job that may fail, for tests of failures, with default settings.
     *
     * @param size the number of ranks
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult result(int size, IntracommMain main) {
        return Jobs.result(size, Settings.defaults(), comm -> main.run((Intracomm) comm), Intracomm.binder(),
                Jobs.TIMEOUT);
    }

    /**
     * Runs a job with forced collective algorithms that may fail, for tests of failures.
     *
     * @param size the number of ranks
     * @param collectives algorithms by collective, such as {@code Map.of("allgather", "ring")}
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult result(int size, Map<String, String> collectives, IntracommMain main) {
        Settings settings = Settings.defaults().withCollectives(collectives);
        if (forcesNative(collectives)) {
            return NativeDevice.all().result(size, settings, main);
        }
        return Jobs.result(size, settings, comm -> main.run((Intracomm) comm), Intracomm.binder(), Jobs.TIMEOUT);
    }

    private static boolean forcesNative(Map<String, String> collectives) {
        return Algorithm.parse(collectives).values().stream().anyMatch(a -> a.requirements().contains(Requirement.NATIVE));
    }

    /**
     * The settings' form of forcing one algorithm.
     *
     * @param algorithm the algorithm
     * @return its collective's label to its label, such as {@code allgather -> ring}
     */
    public static Map<String, String> forced(Algorithm algorithm) {
        return Map.of(algorithm.collective().label(), algorithm.label());
    }

    /**
     * Asserts that a job failed with a {@link RanksException} and returns it.
     *
     * @param result how the job ended
     * @return the exception the failing rank threw
     */
    public static RanksException failure(JobResult result) {
        assertEquals(JobResult.Outcome.FAILED, result.outcome(), "expected the job to fail: " + result);
        return assertInstanceOf(RanksException.class, result.cause());
    }
}
