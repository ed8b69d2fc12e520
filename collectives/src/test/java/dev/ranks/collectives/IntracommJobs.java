package dev.ranks.collectives;

import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;

/** Runs jobs of {@link Intracomm}s through the comm test kit, so a hung collective fails the test. */
final class IntracommJobs {
    private IntracommJobs() {
    }

    /** Runs a job with default settings and fails the test unless every rank completes. */
    static void run(int size, IntracommMain main) {
        Jobs.run(size, Settings.defaults(), comm -> main.run((Intracomm) comm), Intracomm.binder());
    }

    /** Runs a job with forced algorithms ({@code Map.of("allgather", "ring")}) and fails the test unless every rank completes. */
    static void run(int size, java.util.Map<String, String> collectives, IntracommMain main) {
        Jobs.run(size, Settings.defaults().withCollectives(collectives), comm -> main.run((Intracomm) comm),
                Intracomm.binder());
    }
}
