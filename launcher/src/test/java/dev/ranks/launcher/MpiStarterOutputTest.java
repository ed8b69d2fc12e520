package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the launcher relays of an MPI starter's stderr: everything but its notices of an abort the rank reported. */
class MpiStarterOutputTest {
    private static final String RULE = "-".repeat(74);

    private static List<String> filter(String... lines) {
        MpiStarterOutput filter = new MpiStarterOutput();
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            shown.addAll(filter.accept(line));
        }
        shown.addAll(filter.end());
        return shown;
    }

    @Test
    void openMpisAbortBlockAndItsAggregateNotesGo() {
        List<String> shown = filter("rank 1 failed:", "java.lang.IllegalStateException: boom", RULE,
                "MPI_ABORT was invoked on rank 1 in communicator MPI_COMM_WORLD", "with errorcode 1.", "",
                "NOTE: invoking MPI_ABORT causes Open MPI to kill all MPI processes.", RULE,
                "[vm:1234] 2 more processes have sent help message help-mpi-api.txt / mpi-abort",
                "[vm:1234] Set MCA parameter \"orte_base_help_aggregate\" to 0 to see all help / error messages",
                "[vm:1234] 1 more process has sent help message help-mpi-api.txt / mpi-abort",
                "[vm:30015] [[6593,0],0] ORTE_ERROR_LOG: Data unpack would read past end of buffer in file"
                        + " ../../../orte/util/show_help.c at line 501", "after");

        assertEquals(List.of("rank 1 failed:", "java.lang.IllegalStateException: boom", "after"), shown);
    }

    @Test
    void otherHelpBlocksAndAnAggregateHintOfTheirOwnPass() {
        String[] lines = {RULE, "mpirun.openmpi was unable to launch the specified application as it could not access",
            "or execute an executable:", "", "Executable: /nonexistent", RULE,
            "[vm:1234] 3 more processes have sent help message help-orte-odls.txt / exec failed",
            "[vm:1234] Set MCA parameter \"orte_base_help_aggregate\" to 0 to see all help / error messages"};

        assertEquals(List.of(lines), filter(lines));
    }

    @Test
    void mpichsAbortLineGoesAndItsOtherLinesPass() {
        List<String> shown = filter("rank 0 failed: called abort(7)",
                "Abort(7) on node 0 (rank 0 in comm 0): application called MPI_Abort(MPI_COMM_WORLD, 7) - process 0",
                "Abort(7) on node 0 (rank 0 in comm 0): something else");

        assertEquals(List.of("rank 0 failed: called abort(7)", "Abort(7) on node 0 (rank 0 in comm 0): something else"),
                shown);
    }

    @Test
    void aBlockTheStreamEndsInIsShownAsItCame() {
        assertEquals(List.of(RULE, "MPI_ABORT was invoked on rank 0", "cut short"),
                filter(RULE, "MPI_ABORT was invoked on rank 0", "cut short"));
        assertEquals(List.of("a", RULE), filter("a", RULE));
    }
}
