package dev.ranks.mpi;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rank of the conformance suite on the mpi device, started by an MPI starter
 * ({@code MpiConformanceTest}): runs {@link Conformance}, prints a line naming the library, and
 * ends the job with MPI_Abort when the suite fails in this rank.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    /**
     * @param args {@code native} forces the device's own collectives for every collective that has
     *     them (a device without them fails the first such call), so the suite shows they run
     */
    public static void main(String[] args) {
        Mpi.init();
        Settings settings = Settings.defaults().withDevice("mpi");
        if (args.length > 0 && args[0].equals("native")) {
            Map<String, String> all = new HashMap<>();
            for (String c : List.of("barrier", "bcast", "reduce", "allreduce", "allgather", "gather", "scatter",
                    "alltoall")) {
                all.put(c, "native");
            }
            settings = settings.withCollectives(all);
        }
        AtomicInteger checks = new AtomicInteger();
        JobResult result = Intracomm.run(Mpi.size(), settings,
                world -> checks.set(Conformance.run(world)));
        if (result.outcome() != JobResult.Outcome.COMPLETED) {
            throw Mpi.fail(result.cause(), 1);
        }
        if (Mpi.rank() == 0) {
            System.out.println("conformance passed: " + checks.get() + " checks on " + Mpi.size() + " ranks of "
                    + Mpi.libraryVersion());
            System.out.println("binding: " + Mpi.binding());
        }
        Mpi.finish(0);
    }
}
