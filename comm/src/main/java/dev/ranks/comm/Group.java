package dev.ranks.comm;

import java.util.Arrays;

/**
 * The ranks of a communicator as world ranks (MPI_Group): rank {@code i} of the communicator is
 * world rank {@code members[i]}. The world communicator's group is the identity and translates
 * nothing.
 */
final class Group {
    private final int size;
    private final int rank;
    private final int[] members;
    private final int[] inverse;

    private Group(int size, int rank, int[] members, int[] inverse) {
        this.size = size;
        this.rank = rank;
        this.members = members;
        this.inverse = inverse;
    }

    static Group world(int size, int rank) {
        return new Group(size, rank, null, null);
    }

    /**
     * A group of some ranks of this one.
     *
     * @param ranks ranks of this group, in the order of the new group's ranks
     * @param worldSize the number of ranks of the job
     * @param worldRank the calling rank's world rank, which must be among them
     */
    Group subgroup(int[] ranks, int worldSize, int worldRank) {
        int[] sub = new int[ranks.length];
        int[] back = new int[worldSize];
        Arrays.fill(back, -1);
        int me = -1;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= size) {
                throw new RanksException(ErrorClass.RANK, rank, "group member " + ranks[i]
                        + " is out of range: expected 0.." + (size - 1), null);
            }
            sub[i] = world(ranks[i]);
            if (back[sub[i]] != -1) {
                throw new RanksException(ErrorClass.RANK, rank, "group member " + ranks[i]
                        + " is listed twice: expected distinct ranks", null);
            }
            back[sub[i]] = i;
            if (sub[i] == worldRank) {
                me = i;
            }
        }
        if (me < 0) {
            throw new RanksException(ErrorClass.RANK, rank, "rank " + rank + " is not among the members "
                    + Arrays.toString(ranks) + " of the new communicator: expected the calling rank among them", null);
        }
        return new Group(ranks.length, me, sub, back);
    }

    int size() {
        return size;
    }

    int rank() {
        return rank;
    }

    /** @return the world rank of a rank of this group; wildcards and PROC_NULL pass through */
    int world(int local) {
        return members == null || local < 0 ? local : members[local];
    }

    /** @return the rank in this group of a world rank; wildcards and PROC_NULL pass through */
    int local(int world) {
        return inverse == null || world < 0 ? world : inverse[world];
    }

    Status status(Status status) {
        if (inverse == null || status.source() < 0) {
            return status;
        }
        return new Status(inverse[status.source()], status.tag(), status.count(), status.type(), status.cancelled());
    }
}
