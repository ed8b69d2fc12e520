package dev.ranks.workloads.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.collectives.testkit.IntracommJobs;
import dev.ranks.gpu.Backends;
import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.MatmulVariant;
import dev.ranks.gpu.ReduceOp;
import dev.ranks.gpu.Selection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GPU batch over ranks on the Java backend, whose kernels accumulate in the reference's order:
 * a split that loses, duplicates or misplaces a row or element shows as a non-zero error.
 */
class GpuBatchTest {
    private static final Selection JAVA = Backends.select("java");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void matmulOverRanksEqualsTheSingleRankReference(int ranks) {
        for (MatmulVariant variant : MatmulVariant.values()) {
            GpuReport report = onRanks(ranks, comm -> GpuBatch.matmul(comm, new GpuBatch.Spec(JAVA, 67, 1, 3), variant));
            assertEquals(0, report.error(), variant + " on " + ranks + " ranks");
            assertEquals(ranks, report.ranks().size());
            assertEquals(2.0 * 67 * 67 * 67, report.flop());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void vectorKernelsOverRanksAreChecked(int ranks) {
        GpuReport add = onRanks(ranks, comm -> GpuBatch.vecAdd(comm, new GpuBatch.Spec(JAVA, 1001, 2, 4)));
        assertEquals(0, add.error());
        assertEquals(0, add.tolerance(), "vector add must be exact");
        Elementwise e = Elementwise.parse("c = a * b + sin(a)", ElementType.FLOAT);
        GpuReport ew = onRanks(ranks, comm -> GpuBatch.elementwise(comm, new GpuBatch.Spec(JAVA, 1001, 1, 5), e));
        assertEquals(0, ew.error(), "the Java backend evaluates as the reference does");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void reductionsCombineTheRanksPartials(int ranks) {
        GpuReport sum = onRanks(ranks, comm -> GpuBatch.reduce(comm, new GpuBatch.Spec(JAVA, 10_007, 1, 6), ReduceOp.SUM));
        assertTrue(sum.ok(), () -> "error " + sum.error());
        GpuReport max = onRanks(ranks, comm -> GpuBatch.reduce(comm, new GpuBatch.Spec(JAVA, 10_007, 1, 6), ReduceOp.MAX));
        assertEquals(0, max.error());
    }

    @Test
    void fewerElementsThanRanksLeaveSomeRanksEmpty() {
        GpuReport report = onRanks(3, comm -> GpuBatch.reduce(comm, new GpuBatch.Spec(JAVA, 2, 1, 7), ReduceOp.MAX));
        assertEquals(0, report.error());
        assertEquals(List.of("0-0", "1-1", "none"), report.ranks().stream().map(RankTiming::share).toList());
        GpuReport matmul = onRanks(3, comm -> GpuBatch.matmul(comm, new GpuBatch.Spec(JAVA, 2, 1, 7), MatmulVariant.TILED));
        assertEquals(List.of("rows 0-0", "rows 1-1", "no rows"), matmul.ranks().stream().map(RankTiming::share).toList());
    }

    @Test
    void countsSplitEvenlyFirstRanksLarger() {
        assertArrayEquals(new int[] {3, 3, 2, 2}, GpuBatch.counts(10, 4));
        assertArrayEquals(new int[] {1, 1, 0}, GpuBatch.counts(2, 3));
    }

    @Test
    void reportPrintsTimingsCheckAndRatios() {
        GpuReport report = onRanks(2, comm -> GpuBatch.vecAdd(comm, new GpuBatch.Spec(JAVA, 100, 1, 8)));
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals("gpu vecadd over 100 floats, 2 ranks on java, best of 1", lines.get(0));
        assertTrue(lines.get(1).matches("rank +device +share +transfer\\(ms\\) +kernel\\(ms\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("0 +java:0 +0-49 +[0-9.]+ +[0-9.]+"), lines.get(2));
        assertTrue(lines.get(3).matches("1 +java:0 +50-99 +[0-9.]+ +[0-9.]+"), lines.get(3));
        assertTrue(lines.get(4).startsWith("java:0: parallel streams"), lines.get(4));
        assertEquals("check: max error 0.00 against the Java reference (must be exact): ok", lines.get(5));
        assertTrue(lines.get(6).startsWith("java loop (1 thread): "), lines.get(6));
        assertTrue(lines.get(7).matches("kernel [0-9.]+ ms \\(slowest rank\\).* GB/s; x java loop .*"), lines.get(7));
    }

    private static GpuReport onRanks(int ranks, Function<dev.ranks.collectives.Intracomm, GpuReport> job) {
        AtomicReference<GpuReport> report = new AtomicReference<>();
        IntracommJobs.run(ranks, comm -> {
            GpuReport r = job.apply(comm);
            if (comm.rank() == 0) {
                assertNotNull(r);
                report.set(r);
            } else {
                assertNull(r);
            }
        });
        return report.get();
    }
}
