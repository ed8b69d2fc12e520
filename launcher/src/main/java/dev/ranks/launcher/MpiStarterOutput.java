package dev.ranks.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Filters what an MPI starter prints on stderr about an abort, which the launcher has already
 * reported better: the failing rank printed {@code rank R failed:} and its stack trace before it
 * called MPI_Abort. What goes:
 *
 * <ul>
 *   <li>Open MPI's help block {@code MPI_ABORT was invoked on rank R ...}, which comes between two
 *       lines of dashes, its note that more processes sent the same message, with the hint that
 *       follows it, and its complaint when it could not gather those notes ({@code ORTE_ERROR_LOG:
 *       ... show_help.c}). Other help blocks (a host that cannot be reached, an executable not
 *       found) pass: {@code mpirun -q} would drop those too, so it is not used;
 *   <li>MPICH's {@code Abort(N) on node R (rank R in comm 0): application called MPI_Abort(...)}.
 * </ul>
 *
 * <p>A block is held back until its closing line of dashes decides it; {@link #end()} releases a
 * block the stream ended in. Not thread-safe: one instance per stream.
 */
final class MpiStarterOutput {
    /** Open MPI's help blocks begin and end with a line of dashes. */
    private static final Pattern RULE = Pattern.compile("-{20,}");
    private static final String ABORT_BLOCK = "MPI_ABORT was invoked on rank ";
    private static final Pattern MORE_ABORTS = Pattern.compile(
            "\\[[^\\]]*] \\d+ more process(?:es)? ha(?:s|ve) sent help message help-mpi-api\\.txt / mpi-abort");
    private static final Pattern AGGREGATE_HINT = Pattern.compile(
            "\\[[^\\]]*] Set MCA parameter \"orte_base_help_aggregate\" to 0 to see all help / error messages");
    /** Open MPI 4.1 sometimes fails to pack the aggregated abort notices, and says so. */
    private static final Pattern HELP_ERROR = Pattern.compile(
            "\\[[^\\]]*] \\[\\[\\d+,\\d+],\\d+] ORTE_ERROR_LOG: .* in file .*/show_help\\.c at line \\d+");
    private static final Pattern MPICH_ABORT = Pattern.compile(
            "Abort\\(-?\\d+\\) on node \\d+ \\(rank \\d+ in comm \\d+\\): application called MPI_Abort\\(.*\\)"
                    + " - process \\d+");

    private List<String> block;
    private boolean afterMoreAborts;

    /**
     * @param line a line the starter printed
     * @return the lines to print now: none while a block is held back or for a line about an abort
     */
    List<String> accept(String line) {
        if (block != null) {
            block.add(line);
            if (!RULE.matcher(line).matches()) {
                return List.of();
            }
            List<String> closed = block;
            block = null;
            return closed.stream().anyMatch(l -> l.startsWith(ABORT_BLOCK)) ? List.of() : closed;
        }
        boolean hint = afterMoreAborts && AGGREGATE_HINT.matcher(line).matches();
        afterMoreAborts = MORE_ABORTS.matcher(line).matches();
        if (afterMoreAborts || hint || HELP_ERROR.matcher(line).matches() || MPICH_ABORT.matcher(line).matches()) {
            return List.of();
        }
        if (RULE.matcher(line).matches()) {
            block = new ArrayList<>(List.of(line));
            return List.of();
        }
        return List.of(line);
    }

    /** @return the lines of a block the stream ended in, which no closing line decided */
    List<String> end() {
        List<String> rest = block == null ? List.of() : block;
        block = null;
        return rest;
    }
}
