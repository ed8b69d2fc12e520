package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero-copy host buffers against device buffers on the OpenCL backend: the same kernels on the same
 * input give the same bits whichever memory the buffers are in, and {@link BufferMemory#AUTO} takes
 * host memory exactly on a CPU device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeroCopyTest {
    private final OpenDevices devices = new OpenDevices();

    @AfterAll
    void close() {
        devices.close();
    }

    @Test
    void autoTakesHostMemoryOnCpuDevicesOnlyAndTheDefaultIsDeviceMemory() {
        Device d = devices.of("opencl");
        try (DeviceBuffer auto = d.allocate(ElementType.FLOAT, 5, BufferMemory.AUTO);
                DeviceBuffer plain = d.allocate(ElementType.FLOAT, 5);
                DeviceBuffer host = d.allocate(ElementType.FLOAT, 5, BufferMemory.HOST);
                DeviceBuffer device = d.allocate(ElementType.FLOAT, 5, BufferMemory.DEVICE)) {
            assertEquals(d.info().type() == DeviceType.CPU, auto.zeroCopy());
            assertTrue(host.zeroCopy());
            assertFalse(device.zeroCopy());
            assertFalse(plain.zeroCopy());
        }
    }

    @Test
    void backendsWithoutHostBuffersRefuseHostAndCopyOnAuto() {
        Device d = devices.of("java");
        RanksException e = assertThrows(RanksException.class, () -> d.allocate(ElementType.FLOAT, 5, BufferMemory.HOST));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertTrue(e.getMessage().contains("backend java has no zero-copy host buffers"), e.getMessage());
        try (DeviceBuffer auto = d.allocate(ElementType.FLOAT, 5, BufferMemory.AUTO)) {
            assertFalse(auto.zeroCopy());
        }
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {0, 1, 1023, 1_000_003})
    void vectorKernelsGiveTheSameBitsInHostAndDeviceMemory(int n) {
        Device d = devices.of("opencl");
        float[] a = KernelCatalogTest.randomFloats(n, 11);
        float[] b = KernelCatalogTest.randomFloats(n, 12);
        Elementwise kernel = Elementwise.parse("c = a * b + sin(a)", ElementType.FLOAT);
        float[] host = vectors(d, BufferMemory.HOST, BufferMemory.HOST, a, b, kernel);
        assertArrayEquals(vectors(d, BufferMemory.DEVICE, BufferMemory.DEVICE, a, b, kernel), host);
        // A kernel may mix the two kinds of buffer.
        assertArrayEquals(host, vectors(d, BufferMemory.HOST, BufferMemory.DEVICE, a, b, kernel));
        assertArrayEquals(Reference.vecAdd(a, b), vecAdd(d, BufferMemory.HOST, a, b));
    }

    @Test
    void matmulReduceAndFibGiveTheSameBitsInHostAndDeviceMemory() {
        Device d = devices.of("opencl");
        int n = 67;
        float[] a = KernelCatalogTest.randomFloats(n * n, 13);
        float[] b = KernelCatalogTest.randomFloats(n * n, 14);
        for (MatmulVariant variant : MatmulVariant.values()) {
            assertArrayEquals(matmul(d, BufferMemory.DEVICE, a, b, n, variant), matmul(d, BufferMemory.HOST, a, b, n, variant),
                    variant::name);
        }
        float[] x = KernelCatalogTest.randomFloats(100_003, 15);
        for (ReduceOp op : ReduceOp.values()) {
            assertEquals(reduce(d, BufferMemory.DEVICE, x, op), reduce(d, BufferMemory.HOST, x, op));
        }
        long[] indices = new Random(16).longs(10_001).toArray();
        long[] fromHost = fib(d, BufferMemory.HOST, indices);
        assertArrayEquals(fib(d, BufferMemory.DEVICE, indices), fromHost);
        assertArrayEquals(Reference.fibBatch(indices), fromHost);
    }

    @Test
    void kernelsReadAndWriteMappedMemoryInPlace() {
        Device d = devices.of("opencl");
        int n = 100_003;
        float[] a = KernelCatalogTest.randomFloats(n, 17);
        float[] b = KernelCatalogTest.randomFloats(n, 18);
        float[] c = new float[n];
        long[] indices = new Random(19).longs(n).toArray();
        long[] fib = new long[n];
        try (DeviceBuffer ba = d.allocate(ElementType.FLOAT, n, BufferMemory.HOST);
                DeviceBuffer bb = d.allocate(ElementType.FLOAT, n, BufferMemory.HOST);
                DeviceBuffer bc = d.allocate(ElementType.FLOAT, n, BufferMemory.HOST);
                DeviceBuffer bn = d.allocate(ElementType.LONG, n, BufferMemory.HOST)) {
            try (HostMapping ma = ba.map(); HostMapping mb = bb.map(); HostMapping mn = bn.map()) {
                ma.floats().put(a);
                mb.floats().put(b);
                mn.longs().put(indices);
            }
            d.vecAdd(ba, bb, bc);
            d.fibBatch(bn, bn);
            try (HostMapping mc = bc.map(); HostMapping mn = bn.map()) {
                assertEquals(n, mc.floats().remaining());
                mc.floats().get(c);
                mn.longs().get(fib);
            }
        }
        assertArrayEquals(Reference.vecAdd(a, b), c);
        assertArrayEquals(Reference.fibBatch(indices), fib);
    }

    @Test
    void intBuffersMapAsInts() {
        Device d = devices.of("opencl");
        int[] got = new int[3];
        try (DeviceBuffer host = d.allocate(ElementType.INT, 3, BufferMemory.HOST)) {
            try (HostMapping m = host.map()) {
                m.ints().put(new int[] {7, -8, 9});
            }
            host.copyOut(got);
        }
        assertArrayEquals(new int[] {7, -8, 9}, got);
    }

    @Test
    void mappingsAreCheckedAndEndWithTheirBuffer() {
        Device d = devices.of("opencl");
        try (DeviceBuffer device = d.allocate(ElementType.FLOAT, 4, BufferMemory.DEVICE);
                DeviceBuffer host = d.allocate(ElementType.FLOAT, 4, BufferMemory.HOST);
                DeviceBuffer empty = d.allocate(ElementType.FLOAT, 0, BufferMemory.HOST)) {
            assertArg(() -> device.map(), "is in device memory: expected a non-empty buffer allocated with BufferMemory.HOST");
            assertArg(() -> empty.map(), "is empty");
            HostMapping m = host.map();
            assertArg(() -> host.map(), "is mapped for the host: expected its HostMapping closed first");
            assertArg(() -> host.copyIn(new float[4]), "copyIn: float[4] on opencl:");
            assertArg(() -> d.vecAdd(host, device, device), "vecAdd: float[4] on opencl:");
            assertArg(() -> m.longs(), "read as long: expected float");
            m.floats().put(new float[] {1, 2, 3, 4});
            m.close();
            m.close();
            assertArg(() -> m.floats(), "is closed");
            d.vecAdd(host, host, device);
            float[] out = new float[4];
            device.copyOut(out);
            assertArrayEquals(new float[] {2, 4, 6, 8}, out);
        }
        DeviceBuffer left = d.allocate(ElementType.FLOAT, 4, BufferMemory.HOST);
        HostMapping open = left.map();
        left.close();
        assertTrue(left.closed());
        assertArg(() -> open.floats(), "is closed");
    }

    private static void assertArg(org.junit.jupiter.api.function.Executable call, String message) {
        RanksException e = assertThrows(RanksException.class, call);
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    // Vector add into c, then SAXPY and an element-wise kernel over it: in, out and in-place buffers.
    private static float[] vectors(Device d, BufferMemory inputs, BufferMemory output, float[] a, float[] b,
            Elementwise kernel) {
        int n = a.length;
        float[] out = new float[n];
        try (DeviceBuffer ba = d.allocate(ElementType.FLOAT, n, inputs);
                DeviceBuffer bb = d.allocate(ElementType.FLOAT, n, inputs);
                DeviceBuffer bc = d.allocate(ElementType.FLOAT, n, output);
                DeviceBuffer be = d.allocate(ElementType.FLOAT, n, output)) {
            ba.copyIn(a);
            bb.copyIn(b);
            d.vecAdd(ba, bb, bc);
            d.saxpy(0.5f, ba, bc);
            d.elementwise(kernel, be, bc, bb);
            be.copyOut(out);
        }
        return out;
    }

    private static float[] vecAdd(Device d, BufferMemory memory, float[] a, float[] b) {
        float[] out = new float[a.length];
        try (DeviceBuffer ba = d.allocate(ElementType.FLOAT, a.length, memory);
                DeviceBuffer bb = d.allocate(ElementType.FLOAT, a.length, memory);
                DeviceBuffer bc = d.allocate(ElementType.FLOAT, a.length, memory)) {
            ba.copyIn(a);
            bb.copyIn(b);
            d.vecAdd(ba, bb, bc);
            bc.copyOut(out);
        }
        return out;
    }

    private static float[] matmul(Device d, BufferMemory memory, float[] a, float[] b, int n, MatmulVariant variant) {
        float[] c = new float[n * n];
        try (DeviceBuffer ba = d.allocate(ElementType.FLOAT, n * n, memory);
                DeviceBuffer bb = d.allocate(ElementType.FLOAT, n * n, memory);
                DeviceBuffer bc = d.allocate(ElementType.FLOAT, n * n, memory)) {
            ba.copyIn(a);
            bb.copyIn(b);
            d.matmul(ba, bb, bc, n, n, n, variant);
            bc.copyOut(c);
        }
        return c;
    }

    private static double reduce(Device d, BufferMemory memory, float[] x, ReduceOp op) {
        try (DeviceBuffer bx = d.allocate(ElementType.FLOAT, x.length, memory)) {
            bx.copyIn(x);
            return d.reduce(bx, op);
        }
    }

    private static long[] fib(Device d, BufferMemory memory, long[] indices) {
        long[] out = new long[indices.length];
        try (DeviceBuffer bn = d.allocate(ElementType.LONG, indices.length, memory);
                DeviceBuffer bo = d.allocate(ElementType.LONG, indices.length, memory)) {
            bn.copyIn(indices);
            d.fibBatch(bn, bo);
            bo.copyOut(out);
        }
        return out;
    }
}
