package dev.ranks.collectives;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The collective operations that have a choice of algorithms. */
public enum Collective {
    /** {@code barrier} (MPI_Barrier). */
    BARRIER,
    /** {@code bcast} (MPI_Bcast). */
    BCAST,
    /** {@code scatter} and {@code scatterv} (MPI_Scatter, MPI_Scatterv). */
    SCATTER,
    /** {@code gather} and {@code gatherv} (MPI_Gather, MPI_Gatherv). */
    GATHER,
    /** {@code allgather} and {@code allgatherv} (MPI_Allgather, MPI_Allgatherv). */
    ALLGATHER,
    /** {@code alltoall} and {@code alltoallv} (MPI_Alltoall, MPI_Alltoallv). */
    ALLTOALL,
    /** {@code reduce} (MPI_Reduce). */
    REDUCE,
    /** {@code allreduce} (MPI_Allreduce). */
    ALLREDUCE,
    /** {@code reduceScatter} (MPI_Reduce_scatter). */
    REDUCE_SCATTER,
    /** {@code scan} (MPI_Scan). */
    SCAN,
    /** {@code exscan} (MPI_Exscan). */
    EXSCAN;

    /** @return the name used in settings and on the command line: {@code bcast}, {@code reduce_scatter} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The collective with a label, ignoring case; {@code reduceScatter} and {@code reduce-scatter}
     * are accepted for {@code reduce_scatter}.
     *
     * @param label such as {@code allreduce}
     * @return the collective
     * @throws RanksException with {@link ErrorClass#USAGE} naming the label and the choices
     */
    public static Collective byLabel(String label) {
        String wanted = label.strip().replace("-", "_").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (Collective c : values()) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        throw new RanksException(ErrorClass.USAGE, "unknown collective '" + label + "': expected one of "
                + Arrays.stream(values()).map(Collective::label).collect(Collectors.joining(", ")));
    }
}
