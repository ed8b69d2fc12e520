package dev.ranks.collectives;

import dev.ranks.comm.spi.NativeOp;

/**
 * Allreduce by the device's own implementation ({@code NativeCollectives.allreduce},
 * MPI_Allreduce under the {@code mpi} device), on the communicator's collective context. The
 * device combines the contributions in its own order, which MPI allows for its built-in
 * operations (all commutative): floating-point sums may round differently from the
 * point-to-point algorithms' rank order. With 7 ranks every rank passes its vector and its result
 * range, which may be the same range (the in-place form, MPI_IN_PLACE). A send range elsewhere in
 * the receive array goes from a copy: MPI forbids naming one buffer twice. See {@link NativeComm}.
 */
final class AllreduceNative {
    private AllreduceNative() {
    }

    static void run(NativeComm c, NativeOp op, Buf send, int sendOffset, Buf recv, int recvOffset, int count) {
        if (send.array == recv.array && sendOffset != recvOffset) {
            send = NativeComm.apart(send, sendOffset, count);
            sendOffset = 0;
        }
        c.device().allreduce(c.context(), send.type, op, send.array, sendOffset, recv.array, recvOffset, count);
    }
}
