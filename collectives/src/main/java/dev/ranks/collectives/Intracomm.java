package dev.ranks.collectives;

import dev.ranks.comm.Comm;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.Ranks;
import dev.ranks.comm.Settings;
import dev.ranks.comm.spi.CommBinder;

/**
 * An intra-communicator (MPI_Comm with collectives): {@link Comm}'s point-to-point operations plus
 * the collective operations, which every rank of the communicator calls in the same order.
 *
 * <p>Collectives send their messages on the communicator's collective view, a context of their own,
 * so they never match the user's point-to-point messages on this communicator, even a receive
 * posted with {@link #ANY_SOURCE} and {@link #ANY_TAG}.
 *
 * <p>Start a job whose ranks receive an {@code Intracomm} with {@link #run(int, Settings, IntracommMain)}.
 */
public class Intracomm extends Comm {
    private final Comm collective;

    /**
     * An intra-communicator over the same ranks and context as another communicator.
     *
     * @param world the communicator to share, typically the world communicator of a rank
     */
    public Intracomm(Comm world) {
        super(world);
        this.collective = collectiveView();
    }

    /**
     * Runs a job on the local device with default settings, handing each rank an {@code Intracomm}.
     *
     * @param size the number of ranks, at least 1
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, IntracommMain main) {
        return run(size, Settings.defaults(), main);
    }

    /**
     * Runs a job, handing each rank an {@code Intracomm} over every rank of the job
     * ({@link Ranks#run(int, Settings, dev.ranks.comm.RankMain, CommBinder)} with {@link #binder()}).
     *
     * @param size the number of ranks, at least 1
     * @param settings how the job runs
     * @param main what each rank runs
     * @return how the job ended
     */
    public static JobResult run(int size, Settings settings, IntracommMain main) {
        return Ranks.run(size, settings, comm -> main.run((Intracomm) comm), binder());
    }

    /**
     * The binder that hands each rank of a job an {@code Intracomm} over every rank; for
     * {@link Ranks#run(int, Settings, dev.ranks.comm.RankMain, CommBinder)} and test kits that take one.
     *
     * @return a binder whose communicators are {@code Intracomm}s
     */
    public static CommBinder binder() {
        return endpoint -> new Intracomm(new Comm(endpoint));
    }

    /**
     * Blocks until every rank of this communicator has called {@code barrier} (MPI_Barrier).
     * No rank returns before the last one has entered.
     */
    public void barrier() {
        BarrierDissemination.barrier(collective);
    }
}
