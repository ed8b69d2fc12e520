package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;

/** Runs jobs whose ranks get an {@link Intracomm}, through the comm test kit's hang guard. */
final class CollectiveJobs {
    private CollectiveJobs() {
    }

    /** Runs a job and fails the test unless every rank completes. */
    static void run(int size, IntracommMain main) {
        Jobs.run(size, Settings.defaults(), comm -> main.run((Intracomm) comm), Intracomm.binder());
    }

    /** Runs a job and returns how it ended, for tests that expect it to fail. */
    static JobResult result(int size, IntracommMain main) {
        return Jobs.result(size, Settings.defaults(), comm -> main.run((Intracomm) comm), Intracomm.binder(),
                Jobs.TIMEOUT);
    }
}
