package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import dev.ranks.collectives.Op;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The cookbook's reduce recipe: rank {@code r} holds {@code (r+1)·[0, 1, …, 9]} and the arrays are
 * combined element by element at rank 0 through {@link Intracomm#reduce(int[], int[], Op, int)}
 * (mpi4py's {@code comm.Reduce(send_data, recv_data, root=0, op=MPI.SUM)}). With {@link Op#SUM} on
 * 9 ranks, element {@code i} of the result is {@code 45·i}.
 */
public final class Reduce {
    /** The rank that receives the result. */
    public static final int ROOT = 0;
    /** The length of every rank's array. */
    public static final int ARRAY_SIZE = 10;
    /**
     * The operations the recipe offers: the built-ins that combine int arrays element by element.
     * {@link Op#MAXLOC} and {@link Op#MINLOC} are left out because they read an int array as
     * (value, index) pairs, which the recipe's data is not.
     */
    public static final List<Op> OPS = List.of(Op.SUM, Op.PROD, Op.MAX, Op.MIN, Op.LAND, Op.LOR, Op.LXOR,
            Op.BAND, Op.BOR, Op.BXOR);

    private Reduce() {
    }

    /**
     * Runs one rank of the recipe: every rank prints {@code process r sending [..]}, then the root
     * prints {@code on task 0, after Reduce: data = [..]}, the arrays written as Python lists.
     *
     * @param comm this rank's communicator
     * @param op how the arrays are combined, such as {@link Op#SUM}
     * @param out where the rank prints its lines
     */
    public static void run(Intracomm comm, Op op, PrintWriter out) {
        int rank = comm.rank();
        int[] sendData = new int[ARRAY_SIZE];
        for (int i = 0; i < ARRAY_SIZE; i++) {
            sendData[i] = (rank + 1) * i;
        }
        out.println("process " + rank + " sending " + Arrays.toString(sendData));
        int[] recvData = rank == ROOT ? new int[ARRAY_SIZE] : null;
        comm.reduce(sendData, recvData, op, ROOT);
        if (rank == ROOT) {
            out.println("on task " + rank + ", after Reduce: data = " + Arrays.toString(recvData));
        }
    }
}
