package dev.ranks.comm.internal.local;

import java.util.function.IntConsumer;

/** Something a rank waits for; what the deadlock check inspects. */
interface Wait {
    /** @return whether the wait is over; must be safe to call from any thread */
    boolean done();

    /** Records the thread to unpark when the wait is over. */
    void arm(Thread waiter);

    /** Forgets the waiting thread. */
    void disarm();

    /** @return the pending call as the deadlock report prints it, such as {@code recv(source=5, tag=0)} */
    String describe();

    /** Feeds the ranks whose action could end this wait ({@code -1} for any rank). */
    void targets(IntConsumer ranks);

    /** @return a copy the waiting thread can help with while it waits, or null */
    default SharedCopy sharedCopy() {
        return null;
    }

    /** @return a pending receive-side call as the report prints it, such as {@code recv(source=5, tag=0)} */
    static String call(String name, int source, int tag, int context) {
        return name + "(source=" + rankName(source) + ", tag=" + tagName(tag) + contextSuffix(context) + ")";
    }

    private static String rankName(int rank) {
        return rank == dev.ranks.comm.Comm.ANY_SOURCE ? "ANY_SOURCE" : Integer.toString(rank);
    }

    private static String tagName(int tag) {
        return tag == dev.ranks.comm.Comm.ANY_TAG ? "ANY_TAG" : Integer.toString(tag);
    }

    static String contextSuffix(int context) {
        return context == 0 ? "" : ", context=" + context;
    }
}
