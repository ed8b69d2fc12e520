package dev.ranks.collectives;

/**
 * Linear allgather: every rank sends its block to every other rank and receives theirs, all posted
 * at once. {@code p(p - 1)} messages in one round; fine for small communicators.
 *
 * <p><b>Requires:</b> nothing (any counts: the {@code allgatherv} fallback).
 *
 * <p><b>Example on 7 ranks:</b> rank 4 posts receives from 0, 1, 2, 3, 5, 6 into their places and
 * sends its own block to the same six ranks; so does every rank. 42 messages, one round.
 */
final class AllgatherLinear {
    private AllgatherLinear() {
    }

    static void schedule(Schedule s, Buf buf, int[] counts, int[] displs) {
        int rank = s.rank();
        for (int i = 0; i < s.size(); i++) {
            if (i != rank) {
                s.recv(buf, displs[i], counts[i], i);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (i != rank) {
                s.send(buf, displs[rank], counts[rank], i);
            }
        }
    }
}
