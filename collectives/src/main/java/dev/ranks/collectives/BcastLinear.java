package dev.ranks.collectives;

/**
 * Linear broadcast: the root sends the data to every other rank in turn ({@code p - 1} sends from
 * the root, one receive elsewhere). Open MPI's {@code basic_linear}; best for two or three ranks.
 *
 * <p><b>Requires:</b> nothing.
 *
 * <p><b>Example on 7 ranks, root 2:</b> rank 2 posts sends to 0, 1, 3, 4, 5, 6 at once; each of
 * those ranks receives once from 2. The root's link carries 6 copies of the message, so the time
 * grows with {@code p}: the binomial tree ({@link BcastBinomial}) needs 3 rounds instead.
 */
final class BcastLinear {
    private BcastLinear() {
    }

    static void schedule(Schedule s, Buf buf, int offset, int count, int root) {
        if (s.rank() == root) {
            for (int i = 0; i < s.size(); i++) {
                if (i != root) {
                    s.send(buf, offset, count, i);
                }
            }
        } else {
            s.recv(buf, offset, count, root);
        }
    }
}
