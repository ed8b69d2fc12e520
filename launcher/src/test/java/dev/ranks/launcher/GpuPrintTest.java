package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.gpu.ElementType;
import dev.ranks.gpu.Elementwise;
import dev.ranks.gpu.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code --print} on the rank-job kernel commands, on the java backend: the inputs and the result print in numpy's
 * layout before the report, and the values printed are those of the seeded inputs (java.util.Random, uniform in
 * [-1, 1), input k from seed S + k, B of matmul from S + 1) and of their result computed here in Java.
 */
class GpuPrintTest {
    @Test
    void vecaddPrintsABAndTheirSumThenTheReport() {
        float[] a = inputs(10, 5);
        float[] b = inputs(10, 6);
        CliRun run = gpu("-n", "2", "gpu", "vecadd", "--size", "10", "--seed", "5");

        List<String> expected = lines("a:", NumpyFormat.vector(a), "b:", NumpyFormat.vector(b), "c:",
                NumpyFormat.vector(Reference.vecAdd(a, b)));
        assertEquals(expected, run.outLines().subList(0, expected.size()), run::toString);
        assertTrue(run.outLines().get(expected.size()).startsWith("gpu vecadd over 10 floats, 2 ranks on java"), run::toString);
        assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("kernel ")), run::toString);
    }

    @Test
    void elementwisePrintsItsInputsByNameAndTheOutput() {
        Elementwise kernel = Elementwise.parse("y = x * x - 1", ElementType.FLOAT);
        float[] x = inputs(7, 2);
        float[] y = (float[]) Reference.elementwise(kernel, (Object) x);
        CliRun run = gpu("gpu", "elementwise", "y = x * x - 1", "--size", "7", "--seed", "2");

        List<String> expected = lines("x:", NumpyFormat.vector(x), "y:", NumpyFormat.vector(y));
        assertEquals(expected, run.outLines().subList(0, expected.size()), run::toString);
    }

    @Test
    void matmulPrintsAbAndCAsMatrices() {
        int n = 5;
        float[] a = inputs(n * n, 3);
        float[] b = inputs(n * n, 4);
        CliRun run = gpu("-n", "3", "gpu", "matmul", "--size", "5", "--seed", "3");

        List<String> expected = lines("A:", NumpyFormat.matrix(a, n, n), "B:", NumpyFormat.matrix(b, n, n), "C:",
                NumpyFormat.matrix(Reference.matmul(a, b, n, n, n), n, n));
        assertEquals(expected, run.outLines().subList(0, expected.size()), run::toString);
        assertTrue(run.outLines().get(expected.size()).startsWith("gpu matmul 5x5 float"), run::toString);
    }

    @Test
    void aLargeMatrixIsSummarizedAsNumpyDoes() {
        CliRun run = gpu("gpu", "matmul", "--size", "40", "--seed", "1");

        List<String> lines = run.outLines();
        List<String> a = lines("A:", NumpyFormat.matrix(inputs(40 * 40, 1), 40, 40));
        assertEquals(a, lines.subList(0, a.size()), run::toString);
        assertTrue(a.contains(" ...") && a.get(1).startsWith("[[") && a.get(1).contains(" ..."), run::toString);
        assertEquals("B:", lines.get(a.size()), run::toString);
    }

    @Test
    void reducePrintsItsInputSummarizedAndTheSum() {
        float[] x = inputs(5000, 9);
        CliRun run = gpu("gpu", "reduce", "--size", "5000", "--seed", "9");

        List<String> lines = run.outLines();
        List<String> expected = lines("x:", NumpyFormat.vector(x), "sum:", NumpyFormat.scalar((float) Reference.sum(x)));
        assertEquals(expected, lines.subList(0, expected.size()), run::toString);
        assertTrue(lines.get(1).contains(" ... "), run::toString);
    }

    @Test
    void withoutPrintNoArrayIsPrinted() {
        CliRun run = CliRun.of("gpu", "vecadd", "--backend", "java", "--size", "10", "--repeat", "1");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("gpu vecadd over 10 floats"), run::toString);
    }

    private static CliRun gpu(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--backend", "java", "--repeat", "1", "--print"));
        CliRun run = CliRun.of(command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    // What GpuBatch draws for a seed.
    private static float[] inputs(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static List<String> lines(String... blocks) {
        return String.join("\n", blocks).lines().toList();
    }
}
