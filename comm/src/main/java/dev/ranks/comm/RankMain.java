package dev.ranks.comm;

/** The program each rank runs: {@code comm -> { ... }}. Checked exceptions fail the rank like unchecked ones. */
@FunctionalInterface
public interface RankMain {
    /**
     * Runs one rank.
     *
     * @param comm this rank's communicator over every rank of the job
     * @throws Exception any failure, which ends the job with this rank's stack trace
     */
    void run(Comm comm) throws Exception;
}
