package dev.ranks.mpi;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import dev.ranks.comm.JobResult;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.Settings;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One rank of {@code MpiConformanceTest}'s thread-level checks: prints the level the library gave,
 * then has a second thread of the rank exchange messages with its ring neighbours (non-blocking
 * and blocking) and make an allreduce while the rank's own thread waits. Below MPI_THREAD_MULTIPLE that thread must be refused with a usage
 * error before it reaches MPI; at MPI_THREAD_MULTIPLE it must communicate.
 */
public final class ThreadsMain {
    private ThreadsMain() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        Mpi.init();
        AtomicReference<String> outcome = new AtomicReference<>();
        JobResult result = Intracomm.run(Mpi.size(), Settings.defaults().withDevice("mpi"), world -> {
            Thread other = new Thread(() -> {
                int right = (world.rank() + 1) % world.size();
                int left = (world.rank() + world.size() - 1) % world.size();
                int[] in = new int[1];
                try {
                    world.sendrecv(new int[] {world.rank()}, 0, 1, right, 7, in, 0, 1, left, 7);
                    // Blocking calls too, which take a staging buffer of their own off the rank's thread.
                    int[] blocking = new int[1];
                    world.send(new int[] {world.rank()}, 0, 1, right, 8);
                    world.recv(blocking, 0, 1, left, 8);
                    int[] total = {1};
                    world.allreduce(total, Op.SUM);
                    outcome.set(in[0] == left && blocking[0] == left && total[0] == world.size() ? "communicated"
                            : "received " + in[0] + " and " + blocking[0] + ", expected " + left + "; sum "
                            + total[0]);
                } catch (RanksException e) {
                    outcome.set("refused (" + e.errorClass() + "): " + e.getMessage());
                }
            }, "helper");
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            world.barrier();
        });
        if (result.outcome() != JobResult.Outcome.COMPLETED) {
            throw Mpi.fail(result.cause(), 1);
        }
        System.out.println("rank " + Mpi.rank() + " at " + Mpi.threadLevel() + ": helper thread " + outcome.get());
        Mpi.finish(0);
    }
}
