package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kernel of the catalog on every backend against {@link Reference}, at odd sizes and at zero. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelCatalogTest {
    private static final String[] BACKENDS = {"java", "opencl", "aparapi", "cuda"};
    private static final int[] SIZES = {0, 1, 7, 1023, 1_000_003};
    /** Float kernels may fuse multiply-adds and use the device's math library: a few ulps apart. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    private final OpenDevices devices = new OpenDevices();

    @AfterAll
    void close() {
        devices.close();
    }

    static Stream<String> backends() {
        return Stream.of(BACKENDS);
    }

    static Stream<Arguments> backendsAndSizes() {
        return Stream.of(BACKENDS).flatMap(b -> Arrays.stream(SIZES).mapToObj(n -> Arguments.of(b, n)));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("backendsAndSizes")
    void vecAddIsExact(String backend, int n) {
        Device d = devices.of(backend);
        float[] a = randomFloats(n, 1);
        float[] b = randomFloats(n, 2);
        assertArrayEquals(Reference.vecAdd(a, b), run(d, a, b, (x, y, c) -> d.vecAdd(x, y, c)));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("backendsAndSizes")
    void saxpyMatchesReference(String backend, int n) {
        Device d = devices.of(backend);
        float[] x = randomFloats(n, 3);
        float[] y = randomFloats(n, 4);
        float[] got = new float[n];
        try (DeviceBuffer bx = d.allocate(ElementType.FLOAT, n); DeviceBuffer by = d.allocate(ElementType.FLOAT, n)) {
            bx.copyIn(x);
            by.copyIn(y);
            d.saxpy(2.5f, bx, by);
            by.copyOut(got);
        }
        assertTrue(Reference.error(Reference.saxpy(2.5f, x, y), got) <= FLOAT_TOLERANCE);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("backendsAndSizes")
    void elementwiseFloatMatchesReference(String backend, int n) {
        Device d = devices.of(backend);
        Elementwise kernel = Elementwise.parse("c = a * b + sin(a)", ElementType.FLOAT);
        float[] a = randomFloats(n, 5);
        float[] b = randomFloats(n, 6);
        float[] got = run(d, a, b, (x, y, c) -> d.elementwise(kernel, c, x, y));
        float[] expected = (float[]) Reference.elementwise(kernel, a, b);
        assertTrue(Reference.error(expected, got) <= FLOAT_TOLERANCE, () -> "error " + Reference.error(expected, got));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void elementwiseDoubleMatchesReference(String backend) {
        Device d = devices.of(backend);
        Elementwise kernel = Elementwise.parse("y = pow(x, 2) - max(x, 0.5) / (1 + exp(-x))", ElementType.DOUBLE);
        int n = 1023;
        double[] x = new Random(7).doubles(n, -4, 4).toArray();
        double[] expected = (double[]) Reference.elementwise(kernel, (Object) x);
        double[] got = new double[n];
        try (DeviceBuffer in = d.allocate(ElementType.DOUBLE, n); DeviceBuffer out = d.allocate(ElementType.DOUBLE, n)) {
            in.copyIn(x);
            d.elementwise(kernel, out, in);
            out.copyOut(got);
        }
        for (int i = 0; i < n; i++) {
            assertTrue(Reference.error(expected[i], got[i]) <= 1e-12, "element " + i + ": " + expected[i] + " vs " + got[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void doubleMatrixIsExactOnOddShapes(String backend) {
        Device d = devices.of(backend);
        for (int[] shape : new int[][] {{1, 1}, {3, 5}, {33, 65}, {4, 4}}) {
            float[] m = randomFloats(shape[0] * shape[1], 8);
            float[] got = new float[m.length];
            try (DeviceBuffer buffer = d.allocate(ElementType.FLOAT, m.length)) {
                buffer.copyIn(m);
                d.doubleMatrix(buffer, shape[0], shape[1]);
                buffer.copyOut(got);
            }
            assertArrayEquals(Reference.doubleMatrix(m), got, shape[0] + "x" + shape[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void matmulEveryVariantMatchesReference(String backend) {
        Device d = devices.of(backend);
        for (int[] s : new int[][] {{1, 1, 1}, {7, 5, 3}, {33, 17, 65}, {64, 64, 64}, {100, 1, 9}, {130, 35, 131}}) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            float[] a = randomFloats(n * k, 9);
            float[] b = randomFloats(k * m, 10);
            float[] expected = Reference.matmul(a, b, n, k, m);
            for (MatmulVariant variant : MatmulVariant.values()) {
                float[] got = new float[n * m];
                try (DeviceBuffer da = d.allocate(ElementType.FLOAT, a.length);
                        DeviceBuffer db = d.allocate(ElementType.FLOAT, b.length);
                        DeviceBuffer dc = d.allocate(ElementType.FLOAT, got.length)) {
                    da.copyIn(a);
                    db.copyIn(b);
                    d.matmul(da, db, dc, n, k, m, variant);
                    dc.copyOut(got);
                }
                double error = Reference.error(expected, got);
                assertTrue(error <= 1e-5, variant + " " + n + "x" + k + "x" + m + ": error " + error);
            }
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("backendsAndSizes")
    void reductionsMatchReference(String backend, int n) {
        Device d = devices.of(backend);
        float[] x = randomFloats(n, 11);
        try (DeviceBuffer buffer = d.allocate(ElementType.FLOAT, n)) {
            buffer.copyIn(x);
            double sum = d.reduce(buffer, ReduceOp.SUM);
            assertTrue(Math.abs(sum - Reference.sum(x)) <= 1e-6 * (n + 1), () -> sum + " vs " + Reference.sum(x));
            if (n == 0) {
                RanksException e = assertThrows(RanksException.class, () -> d.reduce(buffer, ReduceOp.MAX));
                assertEquals(ErrorClass.ARG, e.errorClass());
            } else {
                assertEquals(Reference.max(x), d.reduce(buffer, ReduceOp.MAX));
            }
        }
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("backendsAndSizes")
    void fibBatchIsExact(String backend, int n) {
        Device d = devices.of(backend);
        long[] in = new Random(12).longs(n).toArray();
        for (int i = 0; i < Math.min(n, 100); i++) {
            in[i] = i;
        }
        long[] got = new long[n];
        try (DeviceBuffer nb = d.allocate(ElementType.LONG, n); DeviceBuffer out = d.allocate(ElementType.LONG, n)) {
            nb.copyIn(in);
            d.fibBatch(nb, out);
            out.copyOut(got);
        }
        assertArrayEquals(Reference.fibBatch(in), got);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void buffersAreReusedAcrossCalls(String backend) {
        Device d = devices.of(backend);
        try (DeviceBuffer a = d.allocate(ElementType.FLOAT, 5); DeviceBuffer b = d.allocate(ElementType.FLOAT, 5);
                DeviceBuffer c = d.allocate(ElementType.FLOAT, 5)) {
            a.copyIn(new float[] {1, 2, 3, 4, 5});
            b.copyIn(new float[] {10, 20, 30, 40, 50});
            d.vecAdd(a, b, c);
            d.vecAdd(c, b, c);
            d.saxpy(-1f, a, c);
            float[] got = new float[5];
            c.copyOut(got);
            assertArrayEquals(new float[] {20, 40, 60, 80, 100}, got);
            long before = d.transferNanos();
            c.copyOut(got);
            assertTrue(d.transferNanos() > before, "a copy counts as transfer time");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void intBuffersCopyInAndOutUnchanged(String backend) {
        Device d = devices.of(backend);
        int[] values = new Random(20).ints(1001).toArray();
        int[] got = new int[values.length];
        try (DeviceBuffer b = d.allocate(ElementType.INT, values.length)) {
            b.copyIn(values);
            b.copyOut(got);
            assertEquals(4004, b.bytes());
            RanksException e = assertThrows(RanksException.class, () -> b.copyIn(new float[values.length]));
            assertTrue(e.getMessage().contains("host array is float[1001], expected int[1001]"), e.getMessage());
        }
        assertArrayEquals(values, got);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void mismatchedLengthsAndTypesAreClearErrors(String backend) {
        Device d = devices.of(backend);
        try (DeviceBuffer a = d.allocate(ElementType.FLOAT, 8); DeviceBuffer b = d.allocate(ElementType.FLOAT, 7);
                DeviceBuffer l = d.allocate(ElementType.LONG, 8)) {
            RanksException e = assertThrows(RanksException.class, () -> d.vecAdd(a, b, a));
            assertEquals(ErrorClass.ARG, e.errorClass());
            assertTrue(e.getMessage().contains("8 and 7 elements"), e.getMessage());
            e = assertThrows(RanksException.class, () -> d.vecAdd(a, l, a));
            assertTrue(e.getMessage().contains("holds long: expected float"), e.getMessage());
            e = assertThrows(RanksException.class, () -> a.copyIn(new float[3]));
            assertTrue(e.getMessage().contains("float[3], expected float[8]"), e.getMessage());
            e = assertThrows(RanksException.class, () -> d.matmul(a, a, b, 2, 4, 2, MatmulVariant.TILED));
            assertTrue(e.getMessage().contains("C is 2x2"), e.getMessage());
            Elementwise two = Elementwise.parse("c = a + b", ElementType.FLOAT);
            e = assertThrows(RanksException.class, () -> d.elementwise(two, a, a));
            assertTrue(e.getMessage().contains("got 1 input buffers, expected 2"), e.getMessage());
        }
    }

    private interface Kernel3 {
        void run(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c);
    }

    /** Copies two arrays in, runs, and copies the third buffer out. */
    private static float[] run(Device d, float[] a, float[] b, Kernel3 kernel) {
        float[] c = new float[a.length];
        try (DeviceBuffer da = d.allocate(ElementType.FLOAT, a.length); DeviceBuffer db = d.allocate(ElementType.FLOAT, b.length);
                DeviceBuffer dc = d.allocate(ElementType.FLOAT, c.length)) {
            da.copyIn(a);
            db.copyIn(b);
            kernel.run(da, db, dc);
            dc.copyOut(c);
        }
        return c;
    }

    static float[] randomFloats(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }
}
