package dev.ranks.comm;

import java.util.function.BooleanSupplier;

/**
 * MPI promises that a repeated {@code test} or {@code iprobe} eventually sees a message that was
 * sent, not that the first call does; tests poll through this.
 */
final class Eventually {
    private static final long LIMIT_NANOS = 5_000_000_000L;

    private Eventually() {
    }

    /** @return whether {@code condition} became true within 5 s of polling */
    static boolean holds(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }
}
