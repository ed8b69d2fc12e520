package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchGpuCommandTest {
    @Test
    void oneRowPerCaseAndAReasonPerUnavailableBackend() {
        CliRun run = CliRun.of("-n", "2", "bench", "gpu", "--backends", "java,cuda", "--vector-size", "1000",
                "--matmul-sizes", "32,17", "--repeat", "1");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("# gpu: kernel = best of 1 runs"), run::toString);
        assertTrue(lines.get(1).matches("backend +kernel +size +kernel\\(ms\\) +GFLOP/s +GB/s +transfer\\(ms\\) +java loop"
                + " +java parallel +x loop +x parallel"), run::toString);
        assertTrue(lines.get(2).matches("java +vecadd +1000 +[0-9.]+ +[0-9.]+ +[0-9.]+ .*"), run::toString);
        assertTrue(lines.get(3).matches("java +matmul +32 +[0-9.]+ +[0-9.]+ +- .*"), run::toString);
        assertTrue(lines.get(4).matches("java +matmul +17 .*"), run::toString);
        if (lines.size() > 5) {
            assertTrue(lines.get(5).startsWith("cuda: unavailable: "), run::toString);
        }
    }

    @Test
    void matmulKernelsGetARowEach() {
        CliRun run = CliRun.of("-n", "1", "bench", "gpu", "--backends", "java", "--vector-size", "10",
                "--matmul-sizes", "17", "--matmul-kernels", "blocked,NAIVE", "--repeat", "1");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(5, lines.size(), run::toString);
        assertTrue(lines.get(3).matches("java +matmul/blocked +17 +[0-9.]+ .*"), run::toString);
        assertTrue(lines.get(4).matches("java +matmul/naive +17 +[0-9.]+ .*"), run::toString);
        assertEquals(List.of("bench gpu: java vecadd of size 10...", "bench gpu: java matmul/blocked of size 17...",
                "bench gpu: java matmul/naive of size 17..."), run.err().lines().toList(), run::toString);
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        CliRun run = CliRun.of("bench", "gpu", "--backends", "java,metal");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("backend 'metal': expected auto or one of"), run::toString);
    }
}
