package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The cookbook's all-to-all recipe: rank {@code r} holds {@code (r+1)·[0, 1, …, size-1]} and sends
 * element {@code j} to rank {@code j} through {@link Intracomm#alltoall(int[], int[])} (mpi4py's
 * {@code comm.Alltoall(senddata, recvdata)}), so rank {@code r} receives
 * {@code [r, 2r, …, size·r]}: element {@code i} from rank {@code i}.
 */
public final class Alltoall {
    private Alltoall() {
    }

    /**
     * Runs one rank of the recipe and prints {@code process r sending [..] receiving [..]}, the
     * arrays written as Python lists: {@code process 1 sending [0, 2, 4] receiving [1, 2, 3]}.
     *
     * @param comm this rank's communicator
     * @param out where the rank prints its line
     */
    public static void run(Intracomm comm, PrintWriter out) {
        int rank = comm.rank();
        int size = comm.size();
        int[] senddata = new int[size];
        for (int j = 0; j < size; j++) {
            senddata[j] = (rank + 1) * j;
        }
        int[] recvdata = new int[size];
        comm.alltoall(senddata, recvdata);
        out.println("process " + rank + " sending " + Arrays.toString(senddata) + " receiving "
                + Arrays.toString(recvdata));
    }
}
