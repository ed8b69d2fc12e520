package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import dev.ranks.workloads.bench.CollectiveBench;
import dev.ranks.workloads.bench.CollectiveBenchOptions;
import dev.ranks.workloads.gpu.GpuBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes too large for the heap or the device are refused before anything is allocated, saying how much they need. */
class MemoryCheckTest {
    private static final long GIB = 1L << 30;

    @Test
    void aRunThatFitsPasses() {
        MemoryCheck.heap("gpu vecadd --size 10", 40, 10, 100, 0);
    }

    @Test
    void aRunThatDoesNotFitSaysWhatItNeedsAndHowToRaiseTheHeap() {
        RanksException e = assertThrows(RanksException.class,
                () -> MemoryCheck.heap("gpu matmul --size 30000 on 2 ranks", 25 * GIB, 10L << 20, 6 * GIB, 64 * GIB));

        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertEquals("gpu matmul --size 30000 on 2 ranks needs 25.0 GiB of Java heap, the heap holds 6.0 GiB with 10 MiB"
                + " in use; raise it with RANKS_JAVA_OPTS=-Xmx32g, or choose a smaller size", e.getMessage());
    }

    @Test
    void moreThanTheMachineHasSaysSo() {
        RanksException e = assertThrows(RanksException.class,
                () -> MemoryCheck.heap("gpu matmul --size 30000 on 2 ranks", 25 * GIB, 0, 6 * GIB, 16 * GIB));

        assertEquals("gpu matmul --size 30000 on 2 ranks needs 25.0 GiB of Java heap, the heap holds 6.0 GiB; this machine"
                + " has 16.0 GiB of memory, so no RANKS_JAVA_OPTS=-Xmx setting can hold it: choose a smaller size",
                e.getMessage());
    }

    @Test
    void aHeapRaisedPastTheMachinesMemoryDoesNotLetARunThrough() {
        RanksException e = assertThrows(RanksException.class,
                () -> MemoryCheck.heap("gpu matmul --size 30000 on 2 ranks", 22 * GIB, 0, 24 * GIB, 20 * GIB));

        assertTrue(e.getMessage().endsWith("this machine has 20.0 GiB of memory, so no RANKS_JAVA_OPTS=-Xmx setting can"
                + " hold it: choose a smaller size"), e.getMessage());
    }

    @Test
    void aHeapRaisedWithinTheMachinesMemoryLetsARunThrough() {
        MemoryCheck.heap("gpu matmul --size 20000 on 2 ranks", 11 * GIB, 0, 14 * GIB, 20 * GIB);
    }

    @Test
    void aDeviceTooSmallForARanksBuffersIsNamed() {
        DeviceInfo small = new DeviceInfo("opencl", 0, "tiny", DeviceType.GPU, 4, GIB, "OpenCL 3.0");

        MemoryCheck.device("gpu matmul --size 1000", 12_000_000, small);
        RanksException e = assertThrows(RanksException.class, () -> MemoryCheck.device("gpu matmul --size 20000",
                2 * GIB, small));

        assertEquals("gpu matmul --size 20000 needs 2.0 GiB on each rank's device, and opencl device 0 (tiny) holds"
                + " 1.0 GiB; choose a smaller size or more ranks (-n)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1023, 1023", "1024, 1k", "67108864, 64m", "1073741824, 1g", "1500000, 1500000"})
    void byteCountsReadAsTheyAreTyped(long bytes, String typed) {
        assertEquals(typed, MemoryCheck.option(bytes));
        assertEquals(bytes, new ByteSizeConverter().convert(typed).longValue());
    }

    @Test
    void theIssuesMatmulExitsTwoAtOnceInsteadOfRunningOutOfMemory() {
        GpuBatch.Footprint needs = GpuBatch.Footprint.matmul(30000, 2, true);
        assumeTrue(needs.heapBytes() > Runtime.getRuntime().maxMemory(), "this test JVM's heap holds the matrices");

        long start = System.nanoTime();
        CliRun run = CliRun.of("-n", "2", "gpu", "matmul", "--size", "30000", "--backend", "java");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gpu matmul --size 30000 on 2 ranks needs "), run::toString);
        assertTrue(run.err().contains(" of Java heap, the heap holds "), run::toString);
        assertTrue(run.err().contains("RANKS_JAVA_OPTS=-Xmx"), run::toString);
        assertTrue(run.err().endsWith("See 'launcher gpu matmul --help'.\n"), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused before allocating");
    }

    @ParameterizedTest(name = "launcher {0}")
    @CsvSource(delimiter = '|', value = {
        "-n 2 gpu vecadd --backend java --size 2000000000         | gpu vecadd --size 2000000000 on 2 ranks needs",
        "-n 2 gpu reduce --backend java --size 2000000000         | gpu reduce --size 2000000000 on 2 ranks needs",
        "-n 2 gpu elementwise --backend java --size 2000000000    | gpu elementwise --size 2000000000 on 2 ranks needs",
        "-n 2 bench gpu --backends java --matmul-sizes 40000      | bench gpu matmul of size 40000 on 2 ranks needs",
        "-n 16 bench alltoall --max-size 64m                      | bench alltoall --max-size 64m on 16 ranks needs 32.0 GiB"})
    void everyCommandThatAllocatesBySizeChecksFirst(String args, String message) {
        assumeTrue(Runtime.getRuntime().maxMemory() < 32 * GIB, "this test JVM's heap holds 32 GiB");

        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(message), run::toString);
        assertTrue(run.err().contains("RANKS_JAVA_OPTS=-Xmx"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void theEstimatesCountTheArraysTheRunsAllocate() {
        // matmul 1000 on 2 ranks: A, C, the Java copy of B, B on each rank, the ranks' rows of A and C
        // (7 matrices), and the reference's 4 arrays of its 1000 rows.
        assertEquals(11L * 1000 * 1000 * Float.BYTES, GpuBatch.Footprint.matmul(1000, 2, false).heapBytes());
        assertEquals((2L * 500 * 1000 + 1000 * 1000) * Float.BYTES, GpuBatch.Footprint.matmul(1000, 2, false).deviceBytes());
        assertEquals(11L * 1000 * Float.BYTES, GpuBatch.Footprint.vectors(1000, 2, 4, false).heapBytes());
        assertEquals(3L * 1000 * Float.BYTES + 1000 * Float.BYTES,
                GpuBatch.Footprint.reduce(1000, 4, true).heapBytes());
        assertEquals(2L * 1024 * 4 * 4, new CollectiveBenchOptions(CollectiveBench.Kind.ALLTOALL, 8, 1024, 1, 0, null)
                .heapBytes(4));
    }
}
