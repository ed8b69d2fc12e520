package dev.ranks.collectives;

import dev.ranks.comm.Comm;

/**
 * The dissemination barrier (Hensgen, Finkel and Manber, 1988; MPICH's
 * {@code MPIR_Barrier_intra_dissemination}): in round {@code k}, at distance {@code d = 2^k}, rank
 * {@code r} sends an empty message to {@code (r + d) mod p} and receives one from
 * {@code (r - d + p) mod p}; there are {@code ceil(log2 p)} rounds.
 *
 * <p><b>Requires:</b> nothing. Any size works, including 1 (no rounds, no messages) and sizes that
 * are not powers of two, with no extra step: the distances wrap around modulo {@code p}.
 *
 * <p><b>Why it is correct:</b> after round {@code k}, rank {@code r} has heard, directly or through
 * the ranks it received from, from the {@code 2^(k+1) - 1} ranks before it (modulo {@code p}).
 * After {@code ceil(log2 p)} rounds that covers all {@code p - 1} other ranks, so every rank has
 * entered the barrier before any rank leaves.
 *
 * <p><b>Example on 7 ranks</b> (3 rounds, distances 1, 2, 4):
 * <pre>
 * round 0, d = 1: 0→1  1→2  2→3  3→4  4→5  5→6  6→0
 * round 1, d = 2: 0→2  1→3  2→4  3→5  4→6  5→0  6→1
 * round 2, d = 4: 0→4  1→5  2→6  3→0  4→1  5→2  6→3
 * </pre>
 * Follow rank 0: in round 0 it hears from 6; in round 1 from 5, which had heard from 4; in round 2
 * from 3, which by then had heard from 2 and 1. So when rank 0 leaves, all of 6, 5, 4, 3, 2 and 1
 * have entered; the same holds for every rank by symmetry. Each rank sends and receives 3 messages
 * and the barrier takes 3 message latencies, against 2·3 for a binomial gather then broadcast.
 *
 * <p>Stateless: one static method, no fields.
 */
final class BarrierDissemination {
    private BarrierDissemination() {
    }

    static void schedule(Schedule s) {
        int size = s.size();
        int rank = s.rank();
        Buf empty = Buf.of(new byte[0]);
        for (int distance = 1; distance < size; distance <<= 1) {
            s.recv(empty, 0, 0, (rank - distance + size) % size);
            s.send(empty, 0, 0, (rank + distance) % size);
            s.fence();
        }
    }
}
