package dev.ranks.workloads.recipes;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.Comm;
import dev.ranks.topology.CartComm;
import dev.ranks.topology.Dims;
import dev.ranks.topology.ShiftResult;
import java.io.PrintWriter;

/**
 * The cookbook's virtual-topology recipe: the ranks form a two-dimensional grid, a mesh or (with
 * {@code periodic}) a torus, and every rank prints its row, its column and its four neighbours.
 * Rank 0 first prints the grid's shape, as the cookbook's program does:
 *
 * <pre>
 * Building a 2 x 2 grid topology:
 * Process = 0 row = 0 column = 0 ----&gt; neighbour_processes[UP] = -1 neighbour_processes[DOWN] = 2 neighbour_processes[LEFT] =-1 neighbour_processes[RIGHT]=1
 * </pre>
 *
 * <p>A missing neighbour at an open edge prints as -1, MPICH's MPI_PROC_NULL, as in the cookbook's
 * output (Ranks' {@link Comm#PROC_NULL} is -2, as in Open MPI). The shape comes from
 * {@link Dims#create(int, int)}, so it is balanced with the larger extent first: 6 ranks make
 * 3 rows of 2 where the cookbook's {@code floor(sqrt(size))} rows make 2 rows of 3; both give
 * 2 × 2 for 4 ranks and 3 × 3 for 9.
 */
public final class Cart {
    private Cart() {
    }

    /**
     * Runs one rank of the recipe. Collective: every rank of {@code comm} calls it.
     *
     * @param comm this rank's communicator; every rank takes part in the grid
     * @param periodic whether both dimensions wrap around (a torus) or have open edges (a mesh)
     * @param out where the rank prints its lines
     */
    public static void run(Intracomm comm, boolean periodic, PrintWriter out) {
        int[] dims = Dims.create(comm.size(), 2);
        if (comm.rank() == 0) {
            out.println("Building a " + dims[0] + " x " + dims[1] + " grid topology:");
        }
        CartComm grid = CartComm.create(comm, dims, new boolean[] {periodic, periodic}, true);
        int[] rowColumn = grid.coords(grid.rank());
        ShiftResult upDown = grid.shift(0, 1);
        ShiftResult leftRight = grid.shift(1, 1);
        out.println("Process = " + comm.rank() + " row = " + rowColumn[0] + " column = " + rowColumn[1]
                + " ----> neighbour_processes[UP] = " + shown(upDown.source())
                + " neighbour_processes[DOWN] = " + shown(upDown.dest())
                + " neighbour_processes[LEFT] =" + shown(leftRight.source())
                + " neighbour_processes[RIGHT]=" + shown(leftRight.dest()));
    }

    /** A rank as mpi4py prints it: MPI_PROC_NULL is -1 there. */
    private static int shown(int rank) {
        return rank == Comm.PROC_NULL ? -1 : rank;
    }
}
