package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.hostfiles.MapBy;
import dev.ranks.mpi.MpiImplementation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The starter's command line that {@code --device mpi} builds, for each implementation, without running it. */
class MpiJobTest {
    private static final List<String> RANK = List.of("java", "-Dranks.mpi=x", "-cp", "l.jar", "Main", "-n", "4", "hello");

    private static MpiJob.Spec spec(MpiImplementation implementation, int ranks, MapBy mapBy) {
        return new MpiJob.Spec(implementation, ranks, null, mapBy, Duration.ofSeconds(5), List.of("hello"), null);
    }

    @Test
    void openMpiOnThisHostAloneOversubscribesAndAllowsRootWhenRoot() {
        List<String> asRoot = MpiJob.command(spec(MpiImplementation.OPEN_MPI, 4, MapBy.SLOT), null, true, null, RANK);
        List<String> asUser = MpiJob.command(spec(MpiImplementation.OPEN_MPI, 4, MapBy.SLOT), null, false, null, RANK);

        assertEquals(concat(List.of("mpirun.openmpi", "--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-x",
                "HWLOC_COMPONENTS", "-n", "4"), RANK), asRoot);
        assertEquals(concat(List.of("mpirun.openmpi", "--oversubscribe", "--bind-to", "none", "-x", "HWLOC_COMPONENTS",
                "-n", "4"), RANK), asUser);
    }

    @Test
    void openMpiWithAHostfileMapsByThePolicyAndPassesThePreload() {
        List<String> command = MpiJob.command(spec(MpiImplementation.OPEN_MPI, 3, MapBy.NODE), Path.of("/tmp/h"), false,
                "/jdk/lib/libjsig.so", RANK);

        assertEquals(concat(List.of("mpirun.openmpi", "--hostfile", "/tmp/h", "--map-by", "node", "--bind-to", "none",
                "-x", "HWLOC_COMPONENTS", "-x", "LD_PRELOAD=/jdk/lib/libjsig.so", "-n", "3"), RANK), command);
    }

    @Test
    void mpichTakesItsHostfileWithDashFAndNoPreload() {
        List<String> withHosts = MpiJob.command(spec(MpiImplementation.MPICH, 2, MapBy.NODE), Path.of("/tmp/h"), true,
                "/jdk/lib/libjsig.so", RANK);
        List<String> alone = MpiJob.command(spec(MpiImplementation.MPICH, 5, MapBy.SLOT), null, true, null, RANK);

        assertEquals(concat(List.of("mpiexec.mpich", "-f", "/tmp/h", "-n", "2"), RANK), withHosts);
        assertEquals(concat(List.of("mpiexec.mpich", "-n", "5"), RANK), alone);
    }

    @Test
    void ranksGetTheJvmsSizingTuningAndPropertyOptionsButNoAgents() {
        List<String> options = List.of("-Xmx2g", "-XX:SharedArchiveFile=/a.jsa", "-Xshare:auto", "-Dfoo=bar",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/j.jar", "--add-opens=a/b=c",
                "-ea");

        assertEquals(List.of("-Xmx2g", "-XX:SharedArchiveFile=/a.jsa", "-Xshare:auto", "-Dfoo=bar"),
                MpiJob.rankJvmOptions(options));
    }

    @Test
    void aZombieOrAnEndedProcessNoLongerRuns() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertTrue(MpiJob.running(child.toHandle()));
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertFalse(MpiJob.running(child.toHandle()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
