package dev.ranks.comm.internal.local;

import dev.ranks.comm.Comm;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Writes the deadlock diagnosis: each rank's pending call and the wait-for cycle. */
final class DeadlockReport {
    private DeadlockReport() {
    }

    static String describe(Wait[] parkedOn, boolean[] finished) {
        int size = parkedOn.length;
        StringBuilder sb = new StringBuilder(
                "deadlock: every live rank is blocked in a call that no message in flight can complete\n");
        List<Integer> done = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            if (finished[r]) {
                done.add(r);
            } else {
                sb.append("  rank ").append(r).append(": ").append(parkedOn[r].describe()).append('\n');
            }
        }
        if (!done.isEmpty()) {
            sb.append("  finished: ").append(done.size() == 1 ? "rank " : "ranks ")
                    .append(String.join(", ", done.stream().map(String::valueOf).toList())).append('\n');
        }
        BitSet[] edges = edges(parkedOn, finished);
        List<Integer> cycle = cycle(edges, finished);
        if (cycle != null) {
            sb.append("wait-for cycle: ");
            for (int i = 0; i < cycle.size(); i++) {
                sb.append(i == 0 ? "" : " -> ").append("rank ").append(cycle.get(i));
            }
            sb.append('\n');
        } else {
            for (int r = 0; r < size; r++) {
                if (!finished[r]) {
                    List<String> gone = edges[r].stream().filter(s -> finished[s]).mapToObj(s -> "rank " + s).toList();
                    sb.append("rank ").append(r).append(" waits for ").append(String.join(" or ", gone))
                            .append(gone.size() == 1 ? ", which has finished\n" : ", which have finished\n");
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    /** Rank r waits for rank s when only s's action could end r's wait; ANY_SOURCE waits for every rank. */
    private static BitSet[] edges(Wait[] parkedOn, boolean[] finished) {
        int size = parkedOn.length;
        BitSet[] edges = new BitSet[size];
        for (int r = 0; r < size; r++) {
            BitSet out = new BitSet(size);
            edges[r] = out;
            if (finished[r]) {
                continue;
            }
            parkedOn[r].targets(target -> {
                if (target == Comm.ANY_SOURCE) {
                    out.set(0, size);
                } else if (target >= 0 && target < size) {
                    out.set(target);
                }
            });
        }
        return edges;
    }

    /** Finds a cycle among live ranks by depth-first search from the lowest rank; null if none. */
    private static List<Integer> cycle(BitSet[] edges, boolean[] finished) {
        int size = edges.length;
        int[] state = new int[size];
        int[] parent = new int[size];
        for (int start = 0; start < size; start++) {
            if (!finished[start] && state[start] == 0) {
                List<Integer> found = visit(start, edges, finished, state, parent);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<Integer> visit(int r, BitSet[] edges, boolean[] finished, int[] state, int[] parent) {
        state[r] = 1;
        for (int s = edges[r].nextSetBit(0); s >= 0; s = edges[r].nextSetBit(s + 1)) {
            if (finished[s]) {
                continue;
            }
            if (state[s] == 1) {
                List<Integer> cycle = new ArrayList<>();
                for (int x = r; x != s; x = parent[x]) {
                    cycle.add(0, x);
                }
                cycle.add(0, s);
                cycle.add(s);
                return cycle;
            }
            if (state[s] == 0) {
                parent[s] = r;
                List<Integer> found = visit(s, edges, finished, state, parent);
                if (found != null) {
                    return found;
                }
            }
        }
        state[r] = 2;
        return null;
    }
}
