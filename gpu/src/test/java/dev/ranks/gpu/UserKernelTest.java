package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users' own OpenCL C kernels on the OpenCL backend (PoCL here), each result against the same computation
 * in Java: a tiled stencil in local memory behind a barrier, the examples' histogram with local atomics,
 * scalars of every type, 2-D and 3-D ranges, and the errors a user meets (a compile error with its line,
 * an unknown kernel, wrong arguments and sizes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserKernelTest {
    /** A 1-D stencil of radius R: each work group loads its tile and R halo cells each side into local memory. */
    static final String STENCIL = """
            #ifndef R
            #define R 2
            #endif
            __kernel void stencil(__global const float* in, __global float* out, const int n, __local float* tile) {
                const int i = get_global_id(0);
                const int l = get_local_id(0);
                const int size = get_local_size(0);
                const int base = get_group_id(0) * size;
                for (int t = l; t < size + 2 * R; t += size) {
                    const int g = base + t - R;
                    tile[t] = (g >= 0 && g < n) ? in[g] : 0.0f;
                }
                barrier(CLK_LOCAL_MEM_FENCE);
                if (i < n) {
                    float s = tile[l];
                    for (int k = 1; k <= 2 * R; k++) {
                        s += tile[l + k];
                    }
                    out[i] = s;
                }
            }
            """;

    private final OpenDevices devices = new OpenDevices();

    @AfterAll
    void close() {
        devices.close();
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 2, 63, 64, 65, 1001, 1_000_003})
    void tiledStencilInLocalMemoryMatchesJava(int n) {
        Device d = devices.of("opencl");
        float[] in = KernelCatalogTest.randomFloats(n, n);
        try (KernelProgram program = d.buildProgram(KernelSource.of("stencil.cl", STENCIL), "")) {
            assertEquals(List.of("stencil"), program.kernelNames());
            Kernel stencil = program.kernel("stencil");
            assertEquals("stencil(__global const float* in, __global float* out, int n, __local float* tile)",
                    stencil.signature());
            assertArrayEquals(stencil(in, 2), run(stencil, in, 64, 2));
        }
    }

    @Test
    void buildOptionsReachTheCompilerAndArgsSetsEveryArgument() {
        Device d = devices.of("opencl");
        float[] in = KernelCatalogTest.randomFloats(777, 3);
        float[] out = new float[in.length];
        try (KernelProgram program = d.buildProgram(STENCIL, "-DR=5");
                DeviceBuffer bin = d.allocate(ElementType.FLOAT, in.length);
                DeviceBuffer bout = d.allocate(ElementType.FLOAT, in.length)) {
            assertEquals(KernelSource.ANONYMOUS, program.name());
            bin.copyIn(in);
            program.kernel("stencil").args(bin, bout, in.length, new LocalMemory((32 + 10) * 4L)).launch(800, 32);
            bout.copyOut(out);
        }
        assertArrayEquals(stencil(in, 5), out);
    }

    @ParameterizedTest(name = "n={0} bins={1}")
    @CsvSource({"1, 1", "1000, 7", "65537, 256", "1048576, 256", "300001, 1000"})
    void theExamplesHistogramWithLocalAtomicsMatchesJava(int n, int bins) {
        Device d = devices.of("opencl");
        Random random = new Random(n);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (random.nextFloat() + random.nextFloat()) / 2;
        }
        int[] expected = new int[bins];
        for (float v : values) {
            expected[Math.min(Math.max((int) (v * bins), 0), bins - 1)]++;
        }
        int[] counts = new int[bins];
        Path source = Path.of(System.getProperty("basedir", "."), "..", "examples", "src", "main", "resources", "dev",
                "ranks", "examples", "histogram.cl").normalize();
        try (KernelProgram program = d.buildProgram(KernelSource.read(source), "");
                Kernel histogram = program.kernel("histogram");
                DeviceBuffer bv = d.allocate(ElementType.FLOAT, n);
                DeviceBuffer bc = d.allocate(ElementType.INT, bins)) {
            bv.copyIn(values);
            bc.copyIn(new int[bins]);
            long local = Math.min(256, histogram.maxWorkGroupSize());
            long groups = Math.min(64, (n + local - 1) / local);
            histogram.arg(0, bv).arg(1, n).arg(2, bins).arg(3, bc).localArg(4, bins * 4L).launch(groups * local, local);
            bc.copyOut(counts);
        }
        assertArrayEquals(expected, counts);
    }

    @Test
    void scalarsOfEveryTypeArriveUnchanged() {
        Device d = devices.of("opencl");
        String source = """
                #pragma OPENCL EXTENSION cl_khr_fp64 : enable
                __kernel void scalars(__global int* i, __global long* l, __global float* f, __global double* d,
                                      int a, long b, float c, double e, uint ua, ulong ub) {
                    i[0] = a; i[1] = (int) ua; l[0] = b; l[1] = (long) ub; f[0] = c; d[0] = e;
                }
                """;
        int[] ints = new int[2];
        long[] longs = new long[2];
        float[] floats = new float[1];
        double[] doubles = new double[1];
        try (KernelProgram program = d.buildProgram(source);
                DeviceBuffer bi = d.allocate(ElementType.INT, 2);
                DeviceBuffer bl = d.allocate(ElementType.LONG, 2);
                DeviceBuffer bf = d.allocate(ElementType.FLOAT, 1);
                DeviceBuffer bd = d.allocate(ElementType.DOUBLE, 1)) {
            Kernel k = program.kernel("scalars");
            assertEquals(10, k.argCount());
            k.arg(0, bi).arg(1, bl).arg(2, bf).arg(3, bd).arg(4, -123_456_789).arg(5, Long.MIN_VALUE + 7)
                    .arg(6, 3.25e-7f).arg(7, Math.PI).arg(8, 0xFFFF_FFFE).arg(9, -2L).launch(1, 1);
            bi.copyOut(ints);
            bl.copyOut(longs);
            bf.copyOut(floats);
            bd.copyOut(doubles);
        }
        assertArrayEquals(new int[] {-123_456_789, 0xFFFF_FFFE}, ints);
        assertArrayEquals(new long[] {Long.MIN_VALUE + 7, -2L}, longs);
        assertArrayEquals(new float[] {3.25e-7f}, floats);
        assertArrayEquals(new double[] {Math.PI}, doubles);
    }

    @Test
    void twoAndThreeDimensionalRangesCoverEveryItemOnce() {
        Device d = devices.of("opencl");
        String source = """
                __kernel void coords(__global int* out, const int w, const int h) {
                    const int x = get_global_id(0), y = get_global_id(1), z = get_global_id(2);
                    out[(z * h + y) * w + x] += x + 1000 * y + 1000000 * z;
                }
                """;
        int w = 12;
        int h = 6;
        int depth = 4;
        try (KernelProgram program = d.buildProgram(source); Kernel coords = program.kernel("coords")) {
            assertArrayEquals(coords(w, h, 1), run(d, coords, w * h, new long[] {w, h}, new long[] {4, 2}));
            assertArrayEquals(coords(w, h, depth), run(d, coords, w * h * depth, new long[] {w, h, depth},
                    new long[] {2, 3, 2}));
            assertArrayEquals(coords(w, h, depth), run(d, coords, w * h * depth, new long[] {w, h, depth}, null));
            int[] untouched = run(d, coords, 1, new long[] {0, 5}, new long[] {1, 1});
            assertArrayEquals(new int[1], untouched, "a global size of 0 runs nothing");
        }
    }

    @Test
    void aCompileErrorCarriesTheBuildLogWithItsLineNumber() {
        Device d = devices.of("opencl");
        String broken = """
                __kernel void broken(__global float* x) {
                    const int i = get_global_id(0);
                    x[i] = y + 1.0f;
                }
                """;
        KernelBuildException e = assertThrows(KernelBuildException.class,
                () -> d.buildProgram(KernelSource.of("broken.cl", broken), ""));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("broken.cl", e.program());
        assertEquals(List.of("broken"), e.kernels());
        assertTrue(e.getMessage().startsWith("opencl: building broken.cl (kernel broken) for " + d.info().name()
                + " failed:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.cl:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
        assertTrue(e.buildLog().contains(":3:"), e.buildLog());

        KernelBuildException options = assertThrows(KernelBuildException.class,
                () -> d.buildProgram(STENCIL, "-no-such-option"));
        assertTrue(options.getMessage().contains("the driver refused the options '-no-such-option'")
                || options.getMessage().contains("no-such-option"), options.getMessage());
    }

    @Test
    void anUnknownKernelNameListsTheKernelsThereAre() {
        Device d = devices.of("opencl");
        try (KernelProgram program = d.buildProgram(KernelSource.of("two.cl",
                "__kernel void first(int n) {}\n__kernel void second(__global int* x) {}\n"), "")) {
            RanksException e = assertThrows(RanksException.class, () -> program.kernel("third"));
            assertEquals(ErrorClass.ARG, e.errorClass());
            assertEquals("program two.cl has no kernel 'third': expected one of [first, second]", e.getMessage());
        }
    }

    @Test
    void wrongArgumentsAndSizesAreNamed() {
        Device d = devices.of("opencl");
        try (KernelProgram program = d.buildProgram(KernelSource.of("stencil.cl", STENCIL), "");
                Kernel k = program.kernel("stencil");
                DeviceBuffer floats = d.allocate(ElementType.FLOAT, 64);
                DeviceBuffer ints = d.allocate(ElementType.INT, 64)) {
            assertArg(() -> k.arg(4, 1), "arg(4, int 1): kernel stencil(__global const float* in, __global float* out,"
                    + " int n, __local float* tile) takes 4 arguments: expected an index from 0 to 3");
            assertArg(() -> k.arg(-1, floats), "expected an index from 0 to 3");
            assertArg(() -> k.arg(2, 1.5f), "arg(2, float 1.5) of kernel 'stencil': parameter 2 is 'int n': expected an"
                    + " int: arg(2, (int) value)");
            assertArg(() -> k.arg(2, 64L), "parameter 2 is 'int n': expected an int");
            assertArg(() -> k.arg(2, floats), "arg(2, float[64] on opencl:0) of kernel 'stencil': parameter 2 is 'int n':"
                    + " expected an int value");
            assertArg(() -> k.arg(0, ints), "parameter 0 is '__global const float* in': expected a buffer of floats");
            assertArg(() -> k.arg(0, 7), "parameter 0 is '__global const float* in': expected a buffer");
            assertArg(() -> k.localArg(1, 256), "localArg(1, 256) of kernel 'stencil': parameter 1 is"
                    + " '__global float* out': expected a buffer");
            assertArg(() -> k.arg(3, floats), "parameter 3 is '__local float* tile': expected local memory: localArg(3,"
                    + " bytes)");
            assertArg(() -> k.localArg(3, 0), "localArg(3, 0) of kernel 'stencil': 0 bytes: expected 1 or more");
            assertArg(() -> k.sharedMemory(64), "OpenCL work-group memory is a __local pointer argument");
            assertArg(() -> k.args(floats, floats, 64), "args: kernel stencil(");
            assertArg(() -> k.args(floats, floats, "64", new LocalMemory(4)), "args: argument 2 of kernel 'stencil' is a"
                    + " String: expected a DeviceBuffer, LocalMemory, Integer, Long, Float or Double");

            k.arg(0, floats).arg(2, 64);
            assertArg(() -> k.launch(64, 64), "launch of kernel 'stencil': arguments 1 ('__global float* out'), 3"
                    + " ('__local float* tile') are not set");
            k.arg(1, floats).localArg(3, (64 + 4) * 4L);
            assertArg(() -> k.launch(100, 64), "launch of kernel 'stencil': global size 100 is not a multiple of the"
                    + " local size 64: expected a multiple, such as 128");
            assertArg(() -> k.launch(new long[] {64, 2}, new long[] {64}), "global size 64x2 has 2 dimensions and local"
                    + " size 64 1: expected as many");
            assertArg(() -> k.launch(new long[] {1, 1, 1, 1}, null), "a global size of 4 dimensions: expected 1, 2 or 3");
            assertArg(() -> k.launch(-1, 1), "global size -1: expected 0 or more");
            assertArg(() -> k.launch(new long[] {64, 64}, new long[] {64, 0}), "local size 0 in dimension 1: expected 1"
                    + " or more");
            long max = k.maxWorkGroupSize();
            assertArg(() -> k.launch(4 * max, 2 * max), "local size " + 2 * max + " is " + 2 * max + " work items per"
                    + " group: expected at most " + max);
            k.localArg(3, 1L << 40);
            assertArg(() -> k.launch(64, 64), "bytes of local memory per work group");
            k.localArg(3, (64 + 4) * 4L);
            k.launch(64, 64);
            floats.close();
            assertArg(() -> k.launch(64, 64), "launch of kernel 'stencil', argument 0: the float[64] buffer is closed");
        }
    }

    @Test
    void closingTheDeviceClosesItsProgramsAndTheirKernels() {
        devices.of("opencl");
        Device own = Backends.select("opencl").open(0);
        KernelProgram program = own.buildProgram(STENCIL);
        Kernel k = program.kernel("stencil");
        Kernel closedFirst = program.kernel("stencil");
        closedFirst.close();
        own.close();
        assertTrue(program.closed());
        assertTrue(k.closed());
        assertArg(() -> k.launch(1, 1), "launch of kernel 'stencil': kernel 'stencil' of program <source> on opencl:");
        assertArg(() -> program.kernel("stencil"), "is closed");
        assertArg(() -> own.buildProgram(STENCIL), "is closed");
    }

    @Test
    void backendsWithoutSourceKernelsSaySo() {
        RanksException e = assertThrows(RanksException.class, () -> devices.of("java").buildProgram(STENCIL));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertEquals("buildProgram <source>: backend java runs only its built-in kernels: users' source kernels"
                + " (OpenCL C, CUDA C) need the opencl or cuda backend", e.getMessage());
        e = assertThrows(RanksException.class, () -> devices.of("opencl").loadPtx(KernelSource.of("k.ptx", ".version 7.0")));
        assertEquals(ErrorClass.UNAVAILABLE, e.errorClass());
        assertEquals("loadPtx k.ptx: PTX runs on the cuda backend only, not on opencl: expected OpenCL C source for"
                + " buildProgram", e.getMessage());
    }

    @Test
    void declaredKernelsAreFoundInOpenClAndCudaSources() {
        assertEquals(List.of("a", "b", "c"), KernelSource.of("""
                // __kernel void commented(int n) {}
                __kernel void a(int n) {}
                kernel __attribute__((reqd_work_group_size(64, 1, 1))) void b(__global float* x) {}
                /* __kernel void also_commented() {} */ __kernel void
                c() {}
                """).declaredKernels());
        assertEquals(List.of("scale", "tiled"), KernelSource.of("""
                extern "C" __global__ void scale(float* x, int n) {}
                extern "C" __global__ void __launch_bounds__(256) tiled(const float* in) {}
                __device__ float helper(float x) { return x; }
                """).declaredKernels());
    }

    /**
     * The CUDA path: the same stencil in CUDA C through NVRTC with dynamic shared memory, and PTX written by
     * hand through the driver's JIT. Runs where a CUDA driver and device are (skipped, saying why, elsewhere).
     */
    @Test
    void cudaBuildsCudaCWithNvrtcAndLoadsPtx() {
        Device d = devices.of("cuda");
        String source = """
                #define R 2
                extern "C" __global__ void stencil(const float* in, float* out, int n) {
                    extern __shared__ float tile[];
                    const int l = threadIdx.x;
                    const int size = blockDim.x;
                    const int base = blockIdx.x * size;
                    const int i = base + l;
                    for (int t = l; t < size + 2 * R; t += size) {
                        const int g = base + t - R;
                        tile[t] = (g >= 0 && g < n) ? in[g] : 0.0f;
                    }
                    __syncthreads();
                    if (i < n) {
                        float s = tile[l];
                        for (int k = 1; k <= 2 * R; k++) {
                            s += tile[l + k];
                        }
                        out[i] = s;
                    }
                }
                """;
        int n = 100_003;
        float[] in = KernelCatalogTest.randomFloats(n, 21);
        float[] out = new float[n];
        try (KernelProgram program = d.buildProgram(KernelSource.of("stencil.cu", source), "");
                Kernel stencil = program.kernel("stencil");
                DeviceBuffer bin = d.allocate(ElementType.FLOAT, n);
                DeviceBuffer bout = d.allocate(ElementType.FLOAT, n)) {
            bin.copyIn(in);
            assertArg(() -> stencil.localArg(2, 16), "CUDA kernels have no __local arguments");
            assertArg(() -> stencil.arg(2, bin), "parameter 2 is '.u32 stencil_param_2': expected an int");
            stencil.arg(0, bin).arg(1, bout).arg(2, n).sharedMemory((128 + 4) * 4L).launch((n + 127L) / 128 * 128, 128);
            bout.copyOut(out);
        }
        assertArrayEquals(stencil(in, 2), out);

        float[] x = KernelCatalogTest.randomFloats(1000, 22);
        float[] y = new float[x.length];
        try (KernelProgram program = d.loadPtx(KernelSource.of("add_one.ptx", ADD_ONE_PTX));
                DeviceBuffer b = d.allocate(ElementType.FLOAT, x.length)) {
            Kernel addOne = program.kernel("add_one");
            assertEquals("add_one(.u64 add_one_param_0, .u32 add_one_param_1)", addOne.signature());
            b.copyIn(x);
            addOne.arg(0, b).arg(1, x.length).launch(1024, 128);
            addOne.launch(new long[] {1000}, null);
            b.copyOut(y);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] + 1f + 1f, y[i], "element " + i);
        }

        KernelBuildException e = assertThrows(KernelBuildException.class, () -> d.buildProgram(KernelSource.of("broken.cu",
                "extern \"C\" __global__ void broken(float* x) {\n    int i = threadIdx.x;\n    x[i] = y;\n}\n"), ""));
        assertTrue(e.getMessage().contains("broken.cu(3)"), e.getMessage());
        assertThrows(KernelBuildException.class, () -> d.loadPtx(".version 7.0\n.target sm_50\nnot ptx at all\n"));
    }

    /** {@code x[i] += 1} for {@code i < n}, as nvcc writes it, by hand so that no nvcc is needed. */
    static final String ADD_ONE_PTX = """
            .version 7.0
            .target sm_50
            .address_size 64

            .visible .entry add_one(
            	.param .u64 add_one_param_0,
            	.param .u32 add_one_param_1
            )
            {
            	.reg .pred 	%p<2>;
            	.reg .f32 	%f<3>;
            	.reg .b32 	%r<6>;
            	.reg .b64 	%rd<5>;

            	ld.param.u64 	%rd1, [add_one_param_0];
            	ld.param.u32 	%r2, [add_one_param_1];
            	mov.u32 	%r3, %ctaid.x;
            	mov.u32 	%r4, %ntid.x;
            	mov.u32 	%r5, %tid.x;
            	mad.lo.s32 	%r1, %r3, %r4, %r5;
            	setp.ge.s32 	%p1, %r1, %r2;
            	@%p1 bra 	$L__BB0_2;
            	cvta.to.global.u64 	%rd2, %rd1;
            	mul.wide.s32 	%rd3, %r1, 4;
            	add.s64 	%rd4, %rd2, %rd3;
            	ld.global.f32 	%f1, [%rd4];
            	add.f32 	%f2, %f1, 0f3F800000;
            	st.global.f32 	[%rd4], %f2;
            $L__BB0_2:
            	ret;
            }
            """;

    /** The stencil in Java, summing in the kernel's order: out[i] = in[i-r] + ... + in[i+r], 0 outside. */
    static float[] stencil(float[] in, int r) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float s = at(in, i - r);
            for (int k = 1; k <= 2 * r; k++) {
                s += at(in, i - r + k);
            }
            out[i] = s;
        }
        return out;
    }

    private static float at(float[] x, int i) {
        return i >= 0 && i < x.length ? x[i] : 0f;
    }

    private static float[] run(Kernel stencil, float[] in, int tile, int r) {
        Device d = stencil.program().device();
        float[] out = new float[in.length];
        try (DeviceBuffer bin = d.allocate(ElementType.FLOAT, in.length);
                DeviceBuffer bout = d.allocate(ElementType.FLOAT, in.length)) {
            bin.copyIn(in);
            long global = (in.length + tile - 1L) / tile * tile;
            stencil.arg(0, bin).arg(1, bout).arg(2, in.length).localArg(3, (tile + 2L * r) * Float.BYTES)
                    .launch(global, tile);
            bout.copyOut(out);
        }
        return out;
    }

    private static int[] coords(int w, int h, int depth) {
        int[] out = new int[w * h * depth];
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(z * h + y) * w + x] = x + 1000 * y + 1000000 * z;
                }
            }
        }
        return out;
    }

    private static int[] run(Device d, Kernel coords, int n, long[] global, long[] local) {
        int[] out = new int[n];
        try (DeviceBuffer b = d.allocate(ElementType.INT, n)) {
            b.copyIn(out);
            coords.arg(0, b).arg(1, (int) global[0]).arg(2, global.length > 1 ? (int) global[1] : 1).launch(global, local);
            b.copyOut(out);
        }
        return out;
    }

    static void assertArg(Executable call, String message) {
        RanksException e = assertThrows(RanksException.class, call);
        assertEquals(ErrorClass.ARG, e.errorClass(), e::getMessage);
        assertTrue(e.getMessage().contains(message), () -> "expected \"" + message + "\" in: " + e.getMessage());
    }
}
