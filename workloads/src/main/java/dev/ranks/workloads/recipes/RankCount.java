package dev.ranks.workloads.recipes;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/** The check that a recipe's fixed rank numbers exist in the communicator it was handed. */
final class RankCount {
    private RankCount() {
    }

    static void require(Comm comm, int minRanks, String recipe) {
        if (comm.size() < minRanks) {
            throw new RanksException(ErrorClass.USAGE, comm.rank(), recipe + " needs at least " + minRanks
                    + " ranks, got " + comm.size(), null);
        }
    }
}
