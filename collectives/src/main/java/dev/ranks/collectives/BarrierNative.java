package dev.ranks.collectives;

/**
 * Barrier by the device's own implementation ({@code NativeCollectives.barrier}, MPI_Barrier
 * under the {@code mpi} device), on the communicator's collective context. With 7 ranks each rank
 * makes the one call, and the MPI library synchronises them with whichever algorithm it has tuned
 * for the machine. See {@link NativeComm}.
 */
final class BarrierNative {
    private BarrierNative() {
    }

    static void run(NativeComm c) {
        c.device().barrier(c.context());
    }
}
