package dev.ranks.collectives;

/**
 * The program each rank of a job started by {@link Intracomm#run(int, dev.ranks.comm.Settings,
 * IntracommMain)} runs: {@code comm -> { ... }}. Checked exceptions fail the rank like unchecked ones.
 */
@FunctionalInterface
public interface IntracommMain {
    /**
     * Runs one rank.
     *
     * @param comm this rank's intra-communicator over every rank of the job
     * @throws Exception any failure, which ends the job with this rank's stack trace
     */
    void run(Intracomm comm) throws Exception;
}
