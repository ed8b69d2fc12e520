package dev.ranks.comm;

import java.util.Map;

/**
 * How a job runs. Build from {@link #defaults()} with the {@code with…} methods.
 *
 * @param device the name of the device to run on ({@code local} by default)
 * @param eagerLimit messages of at most this many bytes are sent eagerly (buffered, the send
 *     returns at once); larger ones use rendezvous (the send waits for the matching receive)
 * @param waitPolicy how blocked ranks wait
 * @param deadlockDetection whether to stop a job whose live ranks are all blocked for good
 * @param collectives collective algorithms forced by name, such as {@code bcast -> binomial}
 *     (the {@code collectives} module checks the names when a communicator first uses them)
 * @param trace where the ranks record their timeline, or null for no trace (the default)
 */
public record Settings(String device, int eagerLimit, WaitPolicy waitPolicy, boolean deadlockDetection,
                       Map<String, String> collectives, JobTrace trace) {
    /** The default eager limit: 64 KiB. */
    public static final int DEFAULT_EAGER_LIMIT = 64 * 1024;

    /**
     * Checks the values.
     *
     * @param device the name of the device to run on
     * @param eagerLimit the largest message sent eagerly, in bytes, at least 0
     * @param waitPolicy how blocked ranks wait
     * @param deadlockDetection whether to stop a job whose live ranks are all blocked for good
     * @param collectives collective algorithms forced by name; copied
     * @param trace where the ranks record their timeline, or null for none
     */
    public Settings {
        if (device == null || device.isBlank()) {
            throw new RanksException(ErrorClass.USAGE, "device name is empty: expected a device such as 'local'");
        }
        if (eagerLimit < 0) {
            throw new RanksException(ErrorClass.USAGE, "eager limit " + eagerLimit + " is negative: expected a byte count >= 0");
        }
        if (waitPolicy == null) {
            throw new RanksException(ErrorClass.USAGE, "wait policy is null: expected one of AUTO, SPIN, PARK");
        }
        collectives = collectives == null ? Map.of() : Map.copyOf(collectives);
    }

    /** @return the local device, a 64 KiB eager limit, {@link WaitPolicy#AUTO}, deadlock detection on */
    public static Settings defaults() {
        return new Settings("local", DEFAULT_EAGER_LIMIT, WaitPolicy.AUTO, true, Map.of(), null);
    }

    /**
     * @param name the device to run on
     * @return these settings with another device
     */
    public Settings withDevice(String name) {
        return new Settings(name, eagerLimit, waitPolicy, deadlockDetection, collectives, trace);
    }

    /**
     * @param bytes the largest message sent eagerly
     * @return these settings with another eager limit
     */
    public Settings withEagerLimit(int bytes) {
        return new Settings(device, bytes, waitPolicy, deadlockDetection, collectives, trace);
    }

    /**
     * @param policy how blocked ranks wait
     * @return these settings with another wait policy
     */
    public Settings withWaitPolicy(WaitPolicy policy) {
        return new Settings(device, eagerLimit, policy, deadlockDetection, collectives, trace);
    }

    /**
     * @param enabled whether deadlocks are diagnosed
     * @return these settings with deadlock detection on or off
     */
    public Settings withDeadlockDetection(boolean enabled) {
        return new Settings(device, eagerLimit, waitPolicy, enabled, collectives, trace);
    }

    /**
     * Forces collective algorithms by name, for example {@code Map.of("bcast", "binomial",
     * "allreduce", "ring")}; collectives not named keep the automatic choice.
     *
     * @param choices collective name to algorithm name
     * @return these settings with those choices (replacing earlier ones)
     */
    public Settings withCollectives(Map<String, String> choices) {
        return new Settings(device, eagerLimit, waitPolicy, deadlockDetection, choices, trace);
    }

    /**
     * Records the job's timeline into {@code trace}: every rank's sends, receives, waits,
     * collectives and marked regions (see {@link JobTrace}).
     *
     * @param trace where the ranks record, or null for no trace
     * @return these settings with that trace
     */
    public Settings withTrace(JobTrace trace) {
        return new Settings(device, eagerLimit, waitPolicy, deadlockDetection, collectives, trace);
    }
}
