package dev.ranks.collectives;

/**
 * Barrier through the communicator's shared memory: every rank raises its ARRIVED flag to the
 * call's generation and waits until every flag has reached it (a flat gather of flags that is its
 * own release: nobody waits for a leader's second write). With 7 ranks, rank 3 writes 12 into its
 * flag for the twelfth call and returns once all seven flags read at least 12. See
 * {@link ShmArea}.
 */
final class BarrierShm {
    private BarrierShm() {
    }

    static void run(ShmArea.Member m) {
        long g = m.next();
        m.publish(ShmArea.ARRIVED, g);
        m.awaitAll(ShmArea.ARRIVED, g, "barrier");
    }
}
