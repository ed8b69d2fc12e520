package dev.ranks.topology;

import dev.ranks.collectives.Intracomm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;

/**
 * A communicator whose ranks form a Cartesian grid (MPI_Cart_create and the MPI_Cart_* calls;
 * mpi4py's {@code Cartcomm}): a mesh where every dimension is open, a torus where every dimension
 * is periodic, or anything between.
 *
 * <pre>
 * int[] dims = Dims.create(comm.size(), 2);                              // 4 ranks: [2, 2]
 * CartComm grid = CartComm.create(comm, dims, new boolean[] {false, false}, true);
 * int[] rowColumn = grid.coords();                                       // rank 3: [1, 1]
 * ShiftResult upDown = grid.shift(0, 1);                                 // rank 3: source 1, dest PROC_NULL
 * </pre>
 *
 * <p>Ranks are laid out in row-major order, as in MPI: the last dimension varies fastest, so on a
 * 2 × 3 grid rank 4 has coordinates (1, 1). Coordinates of a periodic dimension wrap around;
 * a coordinate past the edge of an open dimension names no rank ({@link #PROC_NULL} in
 * {@link #shift(int, int)}, an error in {@link #rankOf(int...)}).
 *
 * <p>{@link #create(Intracomm, int[], boolean[], boolean)} is a static factory taking the parent
 * communicator where ARCHITECTURE.md sketches {@code Intracomm.createCart(dims, periods, reorder)}:
 * modules depend one way ({@code collectives <- topology}), so {@code Intracomm} cannot know this
 * class. Neighbour collectives run along the grid (see {@link TopoComm}).
 */
public final class CartComm extends TopoComm {
    private final int[] dims;
    private final boolean[] periods;
    private final int[] coords;
    private final int[] neighbors;

    /** Takes over {@code grid}, whose ranks are already in row-major order; collective over them. */
    private CartComm(Intracomm grid, int[] dims, boolean[] periods) {
        super(grid);
        this.dims = dims;
        this.periods = periods;
        this.coords = coordsOf(rank());
        this.neighbors = new int[2 * dims.length];
        for (int d = 0; d < dims.length; d++) {
            ShiftResult step = shift(d, 1);
            neighbors[2 * d] = step.source();
            neighbors[2 * d + 1] = step.dest();
        }
    }

    /**
     * Arranges the first ranks of a communicator as a grid (MPI_Cart_create, mpi4py's
     * {@code comm.Create_cart}). Collective over {@code comm}; every rank passes the same
     * arguments. Ranks {@code 0 .. product(dims) - 1} of {@code comm} form the grid, keeping their
     * order; the others get null, as they get MPI_COMM_NULL in MPI. The grid has contexts of its
     * own: its messages never mix with {@code comm}'s.
     *
     * @param comm the communicator whose ranks form the grid
     * @param dims the extent of each dimension, each at least 1 (none for a single rank); their
     *     product at most {@code comm.size()}; see {@link Dims#create(int, int)}
     * @param periods for each dimension, whether it wraps around (a ring) or has open ends
     * @param reorder whether ranks may be renumbered to fit the machine; allowed by MPI, but
     *     Ranks always keeps the identity, which is what MPI does when it finds nothing better
     * @return this rank's grid communicator, or null for a rank beyond the grid
     * @throws RanksException ({@link ErrorClass#ARG}) when an argument is null, an extent is below
     *     1, {@code periods} has another length than {@code dims}, or the grid holds more ranks
     *     than {@code comm}
     */
    public static CartComm create(Intracomm comm, int[] dims, boolean[] periods, boolean reorder) {
        if (comm == null) {
            throw new RanksException(ErrorClass.ARG, "CartComm.create: comm is null: expected the parent communicator");
        }
        long cells = checkGrid(comm, dims, periods);
        Intracomm grid = comm.split(comm.rank() < cells ? 0 : UNDEFINED, comm.rank());
        return grid == null ? null : new CartComm(grid, dims.clone(), periods.clone());
    }

    private static long checkGrid(Intracomm comm, int[] dims, boolean[] periods) {
        String where = "CartComm.create: ";
        if (dims == null) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where
                    + "dims is null: expected one positive extent per dimension", null);
        }
        if (periods == null || periods.length != dims.length) {
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + "periods has "
                    + (periods == null ? "no" : String.valueOf(periods.length)) + " entries but dims has " + dims.length
                    + ": expected one period per dimension", null);
        }
        long cells = 1;
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] < 1) {
                throw new RanksException(ErrorClass.ARG, comm.rank(), where + "dims[" + d + "] = " + dims[d]
                        + " is invalid: expected a positive extent", null);
            }
            cells = Math.min(cells * dims[d], (long) Integer.MAX_VALUE + 1);
        }
        if (cells > comm.size()) {
            String count = cells > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : Long.toString(cells);
            throw new RanksException(ErrorClass.ARG, comm.rank(), where + "dims " + Arrays.toString(dims)
                    + " make a grid of " + count + " ranks but the communicator has " + comm.size()
                    + ": expected a product of at most " + comm.size(), null);
        }
        return cells;
    }

    /** @return the extent of each dimension, a new array (MPI_Cart_get's dims) */
    public int[] dims() {
        return dims.clone();
    }

    /** @return whether each dimension wraps around, a new array (MPI_Cart_get's periods) */
    public boolean[] periods() {
        return periods.clone();
    }

    /** @return the number of dimensions (MPI_Cartdim_get) */
    public int ndims() {
        return dims.length;
    }

    /** @return this rank's coordinates, a new array (MPI_Cart_get's coords) */
    public int[] coords() {
        return coords.clone();
    }

    /**
     * The coordinates of a rank (MPI_Cart_coords, mpi4py's {@code Get_coords}), in row-major order.
     *
     * @param rank a rank of this communicator
     * @return its coordinates, one per dimension
     * @throws RanksException ({@link ErrorClass#RANK}) when {@code rank} is not in {@code 0 .. size() - 1}
     */
    public int[] coords(int rank) {
        if (rank < 0 || rank >= size()) {
            throw new RanksException(ErrorClass.RANK, rank(), "coords: rank " + rank + " is out of range: expected 0.."
                    + (size() - 1), null);
        }
        return coordsOf(rank);
    }

    private int[] coordsOf(int rank) {
        int[] result = new int[dims.length];
        int rest = rank;
        for (int d = dims.length - 1; d >= 0; d--) {
            result[d] = rest % dims[d];
            rest /= dims[d];
        }
        return result;
    }

    /**
     * The rank at some coordinates (MPI_Cart_rank, mpi4py's {@code Get_cart_rank}). A coordinate of a
     * periodic dimension may lie anywhere and wraps around, -1 naming the last position.
     *
     * @param coords one coordinate per dimension
     * @return the rank there
     * @throws RanksException ({@link ErrorClass#ARG}) when there is not one coordinate per
     *     dimension, or a coordinate of an open dimension is outside {@code 0 .. dims[d] - 1}
     */
    public int rankOf(int... coords) {
        if (coords == null || coords.length != dims.length) {
            throw new RanksException(ErrorClass.ARG, rank(), "rankOf: got "
                    + (coords == null ? "no" : String.valueOf(coords.length)) + " coordinates: expected " + dims.length
                    + ", one per dimension", null);
        }
        int rank = 0;
        for (int d = 0; d < dims.length; d++) {
            int c = coords[d];
            if (periods[d]) {
                c = Math.floorMod(c, dims[d]);
            } else if (c < 0 || c >= dims[d]) {
                throw new RanksException(ErrorClass.ARG, rank(), "rankOf: coords[" + d + "] = " + c
                        + " is outside dimension " + d + ", which is open with extent " + dims[d] + ": expected 0.."
                        + (dims[d] - 1), null);
            }
            rank = rank * dims[d] + c;
        }
        return rank;
    }

    /**
     * The ranks {@code disp} steps back and forward along one dimension (MPI_Cart_shift, mpi4py's
     * {@code Shift}): receive from the source, send to the destination. Not collective.
     *
     * @param dim the dimension, {@code 0 .. ndims() - 1}
     * @param disp the number of steps, positive (forward), negative (back) or 0 (this rank)
     * @return the source ({@code coords[dim] - disp}) and the destination ({@code coords[dim] + disp});
     *     on an open dimension, {@link #PROC_NULL} for one past the edge
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code dim} is not a dimension
     */
    public ShiftResult shift(int dim, int disp) {
        if (dim < 0 || dim >= dims.length) {
            throw new RanksException(ErrorClass.ARG, rank(), "shift: dimension " + dim + " is out of range: expected "
                    + (dims.length == 0 ? "none, the grid has no dimensions" : "0.." + (dims.length - 1)), null);
        }
        return new ShiftResult(step(dim, -(long) disp), step(dim, disp));
    }

    private int step(int dim, long disp) {
        long c = coords[dim] + disp;
        if (periods[dim]) {
            c = Math.floorMod(c, (long) dims[dim]);
        } else if (c < 0 || c >= dims[dim]) {
            return PROC_NULL;
        }
        int[] at = coords.clone();
        at[dim] = (int) c;
        return rankOf(at);
    }

    /**
     * Splits the grid into sub-grids of the dimensions kept (MPI_Cart_sub, mpi4py's {@code Sub}):
     * ranks that share their coordinates in the dropped dimensions form one sub-grid, ordered
     * row-major by the kept ones, which keep their extents and periods. Collective. Dropping every
     * dimension leaves each rank alone in a grid of no dimensions.
     *
     * @param remainDims for each dimension, whether the sub-grid keeps it
     * @return this rank's sub-grid; its {@link #coords()} are this rank's kept coordinates
     * @throws RanksException ({@link ErrorClass#ARG}) when {@code remainDims} does not have one
     *     entry per dimension
     */
    public CartComm sub(boolean[] remainDims) {
        if (remainDims == null || remainDims.length != dims.length) {
            throw new RanksException(ErrorClass.ARG, rank(), "sub: remainDims has "
                    + (remainDims == null ? "no" : String.valueOf(remainDims.length)) + " entries: expected "
                    + dims.length + ", one per dimension", null);
        }
        int kept = 0;
        for (boolean keep : remainDims) {
            kept += keep ? 1 : 0;
        }
        int[] subDims = new int[kept];
        boolean[] subPeriods = new boolean[kept];
        int color = 0;
        int key = 0;
        int next = 0;
        for (int d = 0; d < dims.length; d++) {
            if (remainDims[d]) {
                subDims[next] = dims[d];
                subPeriods[next++] = periods[d];
                key = key * dims[d] + coords[d];
            } else {
                color = color * dims[d] + coords[d];
            }
        }
        return new CartComm(split(color, key), subDims, subPeriods);
    }

    /**
     * A grid of the same shape over the same ranks with contexts of its own (MPI_Comm_dup, which
     * keeps the topology). Collective.
     *
     * @return the duplicate
     */
    @Override
    public CartComm dup() {
        return new CartComm(super.dup(), dims, periods);
    }

    @Override
    int[] inList() {
        return neighbors;
    }

    @Override
    int[] outList() {
        return neighbors;
    }

    /** Block 2d (back) lands in the receiver's block 2d+1 (from its front), and the other way round. */
    @Override
    int sendTag(int slot) {
        return slot ^ 1;
    }

    @Override
    int recvTag(int slot) {
        return slot;
    }
}
