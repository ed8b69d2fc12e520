package dev.ranks.hostfiles;

/** How ranks are laid out over the hosts of a hostfile (Open MPI's {@code --map-by}). */
public enum MapBy {
    /**
     * Fill each host's slots in hostfile order before moving to the next host, so consecutive
     * ranks share a host (Open MPI's {@code --map-by slot}, the default). With two hosts of four
     * slots and six ranks: ranks 0-3 on the first host, 4-5 on the second.
     */
    SLOT,
    /**
     * Deal ranks round-robin across the hosts, skipping hosts whose slots are full (Open MPI's
     * {@code --map-by node}). With two hosts of four slots and six ranks: ranks 0, 2, 4 on the
     * first host, 1, 3, 5 on the second.
     */
    NODE
}
