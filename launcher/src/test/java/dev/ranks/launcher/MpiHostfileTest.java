package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ranks.hostfiles.Hostfile;
import dev.ranks.hostfiles.MapBy;
import dev.ranks.mpi.MpiImplementation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --hostfile} written in the format of the job's starter, from any format the hostfiles module reads. */
class MpiHostfileTest {
    // Three formats mixed: Open MPI's, MPICH's and a plain line, a host listed twice.
    private static final Hostfile HOSTS = Hostfile.parse("mixed", """
            a slots=2 max_slots=4  # Open MPI
            b:3
            c
            a slots=1
            """);

    private static List<String> lines(int ranks, MapBy mapBy, MpiImplementation implementation) {
        return MpiHostfile.lines(HOSTS, HOSTS.place(ranks, mapBy, false), implementation);
    }

    @Test
    void openMpiGetsEachHostOnceWithItsSlotsAndLimit() {
        List<String> expected = List.of("a slots=3", "b slots=3", "c slots=1");

        assertEquals(expected, lines(7, MapBy.SLOT, MpiImplementation.OPEN_MPI));
        assertEquals(expected, lines(2, MapBy.NODE, MpiImplementation.OPEN_MPI));
        Hostfile capped = Hostfile.parse("capped", "x slots=2 max_slots=5\ny:1\n");
        assertEquals(List.of("x slots=2 max_slots=5", "y slots=1"),
                MpiHostfile.lines(capped, capped.place(3), MpiImplementation.OPEN_MPI));
    }

    @Test
    void mpichGetsTheRanksBySlotAsRunsOfHosts() {
        assertEquals(List.of("a:3", "b:3", "c:1"), lines(7, MapBy.SLOT, MpiImplementation.MPICH));
        assertEquals(List.of("a:3", "b:1"), lines(4, MapBy.SLOT, MpiImplementation.MPICH));
        assertEquals(List.of("a:1"), lines(1, MapBy.SLOT, MpiImplementation.MPICH));
    }

    @Test
    void mpichGetsTheRanksByNodeOneLinePerRankWhileHostsAlternate() {
        // By node: a b c a b a b, the third round without c, whose one slot is taken.
        assertEquals(List.of("a:1", "b:1", "c:1", "a:1", "b:1", "a:1", "b:1"), lines(7, MapBy.NODE, MpiImplementation.MPICH));
        assertEquals(List.of("a:1", "b:1"), lines(2, MapBy.NODE, MpiImplementation.MPICH));
        Hostfile one = Hostfile.parse("one", "solo slots=4\n");
        assertEquals(List.of("solo:4"), MpiHostfile.lines(one, one.place(4, MapBy.NODE, false), MpiImplementation.MPICH));
    }
}
