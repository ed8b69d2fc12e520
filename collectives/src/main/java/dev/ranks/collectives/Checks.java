package dev.ranks.collectives;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/** Argument checks shared by the algorithms and {@link Intracomm}. */
final class Checks {
    private Checks() {
    }

    /** A local copy of {@code have} elements into room for {@code room}. */
    static void fits(int have, int room, int rank, String collective) {
        if (have > room) {
            throw new RanksException(ErrorClass.TRUNCATE, rank, collective + ": this rank's own block has " + have
                    + " elements but its receive block has room for " + room + ": expected matching counts", null);
        }
    }
}
