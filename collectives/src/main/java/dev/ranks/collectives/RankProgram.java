package dev.ranks.collectives;

/**
 * A user's program, run as every rank of a job by {@code launcher run CLASS}: a public class with a
 * public no-argument constructor that implements this interface. Each rank makes its own instance
 * (on the local device, from its own class loader) and calls {@link #run(Intracomm, String[])} with
 * the world communicator, like an MPI program between {@code MPI_Init} and {@code MPI_Finalize}.
 *
 * <p>The other style is a plain {@code public static void main(String[] args)} that asks
 * {@link Intracomm#world()} for its communicator, as MPJ Express programs call
 * {@code MPI.Init(args)} and use {@code MPI.COMM_WORLD}.
 *
 * <pre>{@code
 * public final class Hello implements RankProgram {
 *     public void run(Intracomm world, String[] args) {
 *         System.out.println("rank " + world.rank() + " of " + world.size());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RankProgram {
    /**
     * Runs one rank. Returning ends this rank normally; the job completes when every rank has.
     *
     * @param world this rank's communicator over every rank of the job (MPI_COMM_WORLD)
     * @param args the arguments after the class or jar on the launcher's command line
     * @throws Exception any failure, which ends the job with this rank's stack trace
     */
    void run(Intracomm world, String[] args) throws Exception;
}
