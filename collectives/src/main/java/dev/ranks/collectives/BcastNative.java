package dev.ranks.collectives;

/**
 * Broadcast by the device's own implementation ({@code NativeCollectives.bcast}, MPI_Bcast under
 * the {@code mpi} device), on the communicator's collective context. With 7 ranks and root 2,
 * every rank passes its buffer and root 2; the MPI library moves the data. See {@link NativeComm}.
 */
final class BcastNative {
    private BcastNative() {
    }

    static void run(NativeComm c, Buf buf, int offset, int count, int root) {
        c.device().bcast(c.context(), root, buf.type, buf.array, offset, count);
    }
}
