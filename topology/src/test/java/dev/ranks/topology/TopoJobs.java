package dev.ranks.topology;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.IntracommMain;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Settings;
import dev.ranks.comm.testkit.Jobs;

/** Runs jobs of {@link Intracomm}s through the comm test kit, so a hung topology call fails the test. */
final class TopoJobs {
    private TopoJobs() {
    }

    /** Runs a job with default settings and fails the test unless every rank completes. */
    static JobResult run(int size, IntracommMain main) {
        return run(size, Settings.defaults(), main);
    }

    /** Runs a job and fails the test unless every rank completes. */
    static JobResult run(int size, Settings settings, IntracommMain main) {
        return Jobs.run(size, settings, comm -> main.run((Intracomm) comm), Intracomm.binder());
    }
}
