package dev.ranks.launcher;

import dev.ranks.hostfiles.HostEntry;
import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.Placement;
import dev.ranks.mpi.MpiImplementation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a parsed {@code --hostfile} in the format of the starter that runs an MPI job, whatever
 * format the user wrote it in (the hostfiles module reads Open MPI's, MPICH's and plain lines).
 *
 * <ul>
 *   <li>Open MPI: one {@code host slots=N} line per host ({@code max_slots=M} where the hostfile
 *       gives it), and {@code mpirun --map-by slot|node} lays the ranks out, as the launcher's own
 *       placement does;
 *   <li>MPICH (Hydra): Hydra gives each {@code host:N} line the next N ranks in turn and has no
 *       mapping policy, so the file lists the launcher's placement itself: each run of consecutive
 *       ranks on one host is a line. By slot that is the hostfile's hosts with the ranks they take;
 *       by node, one line per rank while the hosts alternate.
 * </ul>
 */
final class MpiHostfile {
    private MpiHostfile() {
    }

    /**
     * @param hostfile the hosts
     * @param placement the ranks on them, made from {@code hostfile} by the job's {@code --map-by}
     * @param implementation the implementation whose starter reads the file
     * @return the file's lines
     */
    static List<String> lines(Hostfile hostfile, Placement placement, MpiImplementation implementation) {
        return implementation == MpiImplementation.OPEN_MPI ? openMpi(hostfile) : hydra(placement);
    }

    private static List<String> openMpi(Hostfile hostfile) {
        List<String> lines = new ArrayList<>();
        for (HostEntry host : hostfile.hosts()) {
            String line = host.name() + " slots=" + host.slots();
            if (host.maxSlots().isPresent()) {
                line += " max_slots=" + host.maxSlots().getAsInt();
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<String> hydra(Placement placement) {
        List<String> lines = new ArrayList<>();
        List<String> hosts = placement.hostsByRank();
        int start = 0;
        for (int rank = 1; rank <= hosts.size(); rank++) {
            if (rank == hosts.size() || !hosts.get(rank).equals(hosts.get(start))) {
                lines.add(hosts.get(start) + ":" + (rank - start));
                start = rank;
            }
        }
        return lines;
    }
}
