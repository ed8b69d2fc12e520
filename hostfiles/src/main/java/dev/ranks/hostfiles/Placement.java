package dev.ranks.hostfiles;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which host each rank of a job runs on, made by {@link Hostfile#place(int, MapBy, boolean)}.
 * Immutable.
 */
public final class Placement {
    private final MapBy mapBy;
    private final boolean oversubscribed;
    private final List<String> hostByRank;
    private final Map<String, List<Integer>> ranksByHost;

    private Placement(MapBy mapBy, boolean oversubscribed, List<String> hostByRank) {
        this.mapBy = mapBy;
        this.oversubscribed = oversubscribed;
        this.hostByRank = List.copyOf(hostByRank);
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int rank = 0; rank < hostByRank.size(); rank++) {
            byHost.computeIfAbsent(hostByRank.get(rank), host -> new ArrayList<>()).add(rank);
        }
        byHost.replaceAll((host, ranks) -> List.copyOf(ranks));
        this.ranksByHost = Collections.unmodifiableMap(byHost);
    }

    static Placement compute(Hostfile hostfile, int ranks, MapBy mapBy, boolean oversubscribe) {
        List<HostEntry> hosts = hostfile.hosts();
        boolean oversubscribed = ranks > hostfile.totalSlots();
        if (oversubscribed) {
            checkOversubscription(hostfile, ranks, oversubscribe);
        }
        int[] hostIndexByRank = mapBy == MapBy.SLOT ? bySlot(hosts, ranks) : byNode(hosts, ranks);
        List<String> hostByRank = new ArrayList<>(ranks);
        for (int index : hostIndexByRank) {
            hostByRank.add(hosts.get(index).name());
        }
        return new Placement(mapBy, oversubscribed, hostByRank);
    }

    /** @return the number of ranks placed */
    public int size() {
        return hostByRank.size();
    }

    /** @return the mapping policy this placement was made with */
    public MapBy mapBy() {
        return mapBy;
    }

    /** @return whether some host runs more ranks than its slots, which only oversubscription allows */
    public boolean oversubscribed() {
        return oversubscribed;
    }

    /**
     * Names the host a rank runs on.
     *
     * @param rank a rank from 0 to {@code size() - 1}
     * @return the host's name as written in the hostfile
     * @throws RanksException of class {@link ErrorClass#RANK} if {@code rank} is out of range
     */
    public String hostOf(int rank) {
        if (rank < 0 || rank >= hostByRank.size()) {
            throw new RanksException(ErrorClass.RANK, "rank " + rank + " is out of range: expected 0 to "
                    + (hostByRank.size() - 1));
        }
        return hostByRank.get(rank);
    }

    /** @return each rank's host, indexed by rank; immutable */
    public List<String> hostsByRank() {
        return hostByRank;
    }

    /**
     * @return the ranks on each host that runs at least one, hosts in hostfile order and ranks in
     *     ascending order; immutable
     */
    public Map<String, List<Integer>> ranksByHost() {
        return ranksByHost;
    }

    /**
     * Lists the ranks on one host.
     *
     * @param host a host name as written in the hostfile
     * @return its ranks in ascending order, empty if it runs none; immutable
     */
    public List<Integer> ranksOn(String host) {
        return ranksByHost.getOrDefault(host, List.of());
    }

    /** @return one line per rank in rank order, such as {@code rank 0 -> node01} */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(hostByRank.size());
        for (int rank = 0; rank < hostByRank.size(); rank++) {
            lines.add("rank " + rank + " -> " + hostByRank.get(rank));
        }
        return List.copyOf(lines);
    }

    private static void checkOversubscription(Hostfile hostfile, int ranks, boolean oversubscribe) {
        String counts = " on " + hostfile.hosts().size() + " hosts but " + ranks + " ranks were requested";
        if (!oversubscribe) {
            throw new RanksException(ErrorClass.HOSTFILE, "hostfile " + hostfile.name() + " has "
                    + hostfile.totalSlots() + " slots" + counts + ": add hosts or slots, or use fewer ranks");
        }
        long capacity = 0;
        for (HostEntry host : hostfile.hosts()) {
            if (host.maxSlots().isEmpty()) {
                return;
            }
            capacity += host.maxSlots().getAsInt();
        }
        if (ranks > capacity) {
            throw new RanksException(ErrorClass.HOSTFILE, "hostfile " + hostfile.name() + " allows at most "
                    + capacity + " ranks with oversubscription (the sum of max_slots)" + counts
                    + ": add hosts or raise max_slots, or use fewer ranks");
        }
    }

    private static int[] bySlot(List<HostEntry> hosts, int ranks) {
        int[] counts = new int[hosts.size()];
        int left = ranks;
        for (int h = 0; h < hosts.size() && left > 0; h++) {
            counts[h] = Math.min(hosts.get(h).slots(), left);
            left -= counts[h];
        }
        // Ranks beyond the slots are dealt one per host in turn, as Open MPI balances an
        // oversubscribed by-slot mapping, so that no single host takes them all.
        for (int h = 0; left > 0; h = (h + 1) % hosts.size()) {
            if (counts[h] < cap(hosts.get(h))) {
                counts[h]++;
                left--;
            }
        }
        int[] hostIndexByRank = new int[ranks];
        int rank = 0;
        for (int h = 0; h < counts.length; h++) {
            for (int i = 0; i < counts[h]; i++) {
                hostIndexByRank[rank++] = h;
            }
        }
        return hostIndexByRank;
    }

    private static int[] byNode(List<HostEntry> hosts, int ranks) {
        int[] counts = new int[hosts.size()];
        int[] hostIndexByRank = new int[ranks];
        boolean pastSlots = false;
        int h = 0;
        for (int rank = 0; rank < ranks; rank++) {
            int next = nextWithRoom(hosts, counts, h, pastSlots);
            if (next < 0) {
                pastSlots = true;
                next = nextWithRoom(hosts, counts, h, true);
            }
            hostIndexByRank[rank] = next;
            counts[next]++;
            h = (next + 1) % hosts.size();
        }
        return hostIndexByRank;
    }

    /** Returns the first host from {@code start} on, cyclically, with room left, or -1 if none has. */
    private static int nextWithRoom(List<HostEntry> hosts, int[] counts, int start, boolean pastSlots) {
        for (int i = 0; i < hosts.size(); i++) {
            int h = (start + i) % hosts.size();
            HostEntry host = hosts.get(h);
            if (counts[h] < (pastSlots ? cap(host) : host.slots())) {
                return h;
            }
        }
        return -1;
    }

    private static int cap(HostEntry host) {
        return host.maxSlots().orElse(Integer.MAX_VALUE);
    }
}
