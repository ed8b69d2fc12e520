package dev.ranks.collectives;

import dev.ranks.comm.spi.NativeOp;

/**
 * Reduce by the device's own implementation ({@code NativeCollectives.reduce}, MPI_Reduce under
 * the {@code mpi} device), on the communicator's collective context. The device combines the
 * contributions in its own order, which MPI allows for its built-in operations (all commutative):
 * floating-point sums may round differently from the point-to-point algorithms' rank order. With
 * 7 ranks and root 2, every rank passes its vector and rank 2 its result range, which may be the
 * same range (the in-place form, MPI_IN_PLACE); the other ranks pass no receive array. A send
 * range elsewhere in the root's receive array goes from a copy: MPI forbids naming one buffer
 * twice. See {@link NativeComm}.
 */
final class ReduceNative {
    private ReduceNative() {
    }

    static void run(NativeComm c, NativeOp op, Buf send, int sendOffset, Buf recv, int recvOffset, int count,
                    int root) {
        if (recv != null && send.array == recv.array && sendOffset != recvOffset) {
            send = NativeComm.apart(send, sendOffset, count);
            sendOffset = 0;
        }
        c.device().reduce(c.context(), root, send.type, op, send.array, sendOffset, recv == null ? null : recv.array,
                recvOffset, count);
    }
}
