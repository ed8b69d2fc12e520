package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ranks.gpu.Backends;
import dev.ranks.gpu.DeviceInfo;
import dev.ranks.gpu.DeviceType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code launcher gpu book} in-process on the java backend: each recipe prints exactly what is below for seed 1, then
 * its times. {@link GpuBookOpenClTest} runs the same recipes on PoCL. The expected outputs are also what
 * docs/gpu.md shows.
 */
class GpuBookCommandTest {
    static final String DOUBLE = """
            gpu book double: a 5x5 float32 matrix from randn, seed 1, doubled on java:0 (parallel streams (common fork-join pool))
            ORIGINAL MATRIX
            [[ 1.561581   -0.6081826  -1.0912279  -0.62454015 -1.1182832 ]
             [-1.6583217  -1.8821644   0.0592555  -0.40841132  0.2877095 ]
             [ 0.44523224 -0.95581186 -0.33514655 -0.9912506   0.61135095]
             [ 0.95718503 -0.18963577  0.00886359  0.42649996 -0.62576646]
             [-1.1608688   2.8307323   0.3554684  -1.3604871   0.45502922]]
            DOUBLED MATRIX AFTER PyCUDA EXECUTION
            [[ 3.123162   -1.2163652  -2.1824558  -1.2490803  -2.2365663 ]
             [-3.3166435  -3.7643287   0.11851099 -0.81682265  0.575419  ]
             [ 0.8904645  -1.9116237  -0.6702931  -1.9825011   1.2227019 ]
             [ 1.9143701  -0.37927154  0.01772718  0.8529999  -1.2515329 ]
             [-2.3217375   5.6614647   0.7109368  -2.7209742   0.91005844]]
            check: equals the Java reference exactly
            """;

    static final String MATMUL = """
            gpu book matmul: C = A B, 5x5 float32 matrices from randn, seed 1 on java:0 (parallel streams (common fork-join pool))
            --------------------------------------------------------------------------------
            Matrix A (GPU):
            [[ 1.561581   -0.6081826  -1.0912279  -0.62454015 -1.1182832 ]
             [-1.6583217  -1.8821644   0.0592555  -0.40841132  0.2877095 ]
             [ 0.44523224 -0.95581186 -0.33514655 -0.9912506   0.61135095]
             [ 0.95718503 -0.18963577  0.00886359  0.42649996 -0.62576646]
             [-1.1608688   2.8307323   0.3554684  -1.3604871   0.45502922]]
            --------------------------------------------------------------------------------
            Matrix B (GPU):
            [[-1.1629624  -1.3049339   0.16374062 -0.4977911  -1.3327299 ]
             [-0.38139892 -1.4968293   1.0324408   1.7342376  -0.8289581 ]
             [ 0.3324823  -2.2241883  -0.6503123  -1.9350888  -0.66043085]
             [ 0.00074241  0.08957608  0.23592567  0.7410106   2.5928476 ]
             [-2.893729   -0.65757656 -1.7719882  -0.4844051  -0.5458403 ]]
            --------------------------------------------------------------------------------
            Matrix C (GPU):
            [[ 1.288631    1.9790949   2.1716602   0.35845974 -1.8652608 ]
             [ 1.8332663   4.6237087  -2.8594651  -2.995292    2.5152044 ]
             [-2.034493    1.1043152  -2.0131347  -2.2613678  -2.4835668 ]
             [ 0.77321875 -0.53523165  1.1646513  -0.20333806  0.32309517]
             [-0.9291458  -3.9339783   1.3740366   3.5706162  -4.810106  ]]
            --------------------------------------------------------------------------------
            CPU-GPU difference:
            [[0. 0. 0. 0. 0.]
             [0. 0. 0. 0. 0.]
             [0. 0. 0. 0. 0.]
             [0. 0. 0. 0. 0.]
             [0. 0. 0. 0. 0.]]
            check: equals the Java reference exactly
            """;

    static final String VECSUM = """
            gpu book vecsum: A + B, 100 integers from 0 to 99 each, seed 1 on java:0 (parallel streams (common fork-join pool))
            PyOPENCL SUM OF TWO VECTORS
            Platform Selected = java
            Device Selected = parallel streams (common fork-join pool)
            VECTOR LENGTH = 100
            INPUT VECTOR A
            [85 88 47 13 54  4 34  6 78 48 69 73 17 63 62 34 92 62 96 89 76 32 10 99 74
             59 98 53 37  2  5 54  0  6 63 55 89 20 75 34 15 60 77 37 77 92 20 88  0 57
             52 33 76 55 36 45 58 29  4 84  0 51 86 83 98 96  8 14 65 28 59 16 15 58 22
             87 92 31  1 97 88 62 41  8 85 69 79 95 59 10 17 26 74 20 53 25  1  1 36
             50]
            INPUT VECTOR B
            [74 32 94 75 94 24  8 43  3 47 67 80 51 33 57 66 77 45 50 69  8  3 90 76 16
             96 21 99 34 19 28 71 50  5 95 56 64 91 16 36 88 28 11 62 63 90 79 95 92 63
             94 42 23 97  1 75 57 64  7 57 49 56 57 49 83 46 91 46 88 35 77  8 42 35 96
             70 70 29 95  8 40 40 35  6 98 87 28  9  2 99 91 60 38 33  5 32 81 15  9
             66]
            OUTPUT VECTOR RESULT A + B\s
            [159 120 141  88 148  28  42  49  81  95 136 153  68  96 119 100 169 107
             146 158  84  35 100 175  90 155 119 152  71  21  33 125  50  11 158 111
             153 111  91  70 103  88  88  99 140 182  99 183  92 120 146  75  99 152
              37 120 115  93  11 141  49 107 143 132 181 142  99  60 153  63 136  24
              57  93 118 157 162  60  96 105 128 102  76  14 183 156 107 104  61 109
             108  86 112  53  58  57  82  16  45 116]
            check: equals the Java reference exactly
            """;

    static final String ELEMENTWISE = """
            gpu book elementwise: c = a + b, float32, 100 integers from 0 to 99 per input, seed 1 on java:0 (parallel streams (common fork-join pool))
            PyOpenCL ELEMENTWISE SUM OF TWO VECTORS
            VECTOR LENGTH = 100
            INPUT VECTOR A
            [85 88 47 13 54  4 34  6 78 48 69 73 17 63 62 34 92 62 96 89 76 32 10 99 74
             59 98 53 37  2  5 54  0  6 63 55 89 20 75 34 15 60 77 37 77 92 20 88  0 57
             52 33 76 55 36 45 58 29  4 84  0 51 86 83 98 96  8 14 65 28 59 16 15 58 22
             87 92 31  1 97 88 62 41  8 85 69 79 95 59 10 17 26 74 20 53 25  1  1 36
             50]
            INPUT VECTOR B
            [74 32 94 75 94 24  8 43  3 47 67 80 51 33 57 66 77 45 50 69  8  3 90 76 16
             96 21 99 34 19 28 71 50  5 95 56 64 91 16 36 88 28 11 62 63 90 79 95 92 63
             94 42 23 97  1 75 57 64  7 57 49 56 57 49 83 46 91 46 88 35 77  8 42 35 96
             70 70 29 95  8 40 40 35  6 98 87 28  9  2 99 91 60 38 33  5 32 81 15  9
             66]
            OUTPUT VECTOR RESULT A + B\s
            [159 120 141  88 148  28  42  49  81  95 136 153  68  96 119 100 169 107
             146 158  84  35 100 175  90 155 119 152  71  21  33 125  50  11 158 111
             153 111  91  70 103  88  88  99 140 182  99 183  92 120 146  75  99 152
              37 120 115  93  11 141  49 107 143 132 181 142  99  60 153  63 136  24
              57  93 118 157 162  60  96 105 128 102  76  14 183 156 107 104  61 109
             108  86 112  53  58  57  82  16  45 116]
            check: equals the Java reference exactly
            """;

    static final String ELEMENTWISE_PYCUDA = """
            gpu book elementwise: c = a + b, float32, 8 uniform floats in [0, 1) per input, seed 1 on java:0 (parallel streams (common fork-join pool))
            INPUT VECTOR A =
            [0.7308782  0.10047317 0.4100808  0.40743977 0.2077148  0.03623533
             0.332717   0.6588672 ]
            INPUT VECTOR B =
            [0.96775585 0.7107396  0.00611716 0.15273619 0.96370476 0.15957803
             0.93986535 0.55407226]
            RESULTING VECTOR C =
            [1.698634   0.8112128  0.41619796 0.56017596 1.1714196  0.19581336
             1.2725823  1.2129395 ]
            check: equals the Java reference exactly
            """;

    static final String GPUARRAY = """
            gpu book gpuarray: 2*a_gpu of a 4x4 float32 matrix from randn, seed 1 on java:0 (parallel streams (common fork-join pool))
            [[ 3.123162   -1.2163652  -2.1824558  -1.2490803 ]
             [-2.2365663  -3.3166435  -3.7643287   0.11851099]
             [-0.81682265  0.575419    0.8904645  -1.9116237 ]
             [-0.6702931  -1.9825011   1.2227019   1.9143701 ]]
            [[ 1.561581   -0.6081826  -1.0912279  -0.62454015]
             [-1.1182832  -1.6583217  -1.8821644   0.0592555 ]
             [-0.40841132  0.2877095   0.44523224 -0.95581186]
             [-0.33514655 -0.9912506   0.61135095  0.95718503]]
            check: equals the Java reference exactly
            """;

    /** The java backend's sum adds in double, so it gives the exact dot product (see {@link GpuBookDotCommand}). */
    static final String DOT = """
            gpu book dot: ReductionKernel x[i]*y[i], a+b over x = y = arange(400), float32 on java:0 (parallel streams (common fork-join pool))
            21253400.0
            check: equals the Java reference exactly
            """;

    static final String REDUCE = """
            gpu book reduce: the sum of 1..10000, float32 on java:0 (parallel streams (common fork-join pool))
            vector to reduce =  [    1     2     3 ...  9998  9999 10000]
            result =  50005000
            check: equals the Java reference exactly
            """;

    static final String MATMUL10 = """
            gpu book matmul10: C = A B, 10x10 integers from 0 to 9, seed 1 on java:0 (parallel streams (common fork-join pool))
            INPUT MATRIX A
            :
            [[5 8 7 3 4 4 4 6 8 8]
             [9 3 7 3 2 4 2 2 6 9]
             [6 2 0 9 4 9 8 3 7 2]
             [5 4 0 6 3 5 9 0 5 4]
             [5 0 7 7 7 2 0 8 0 7]
             [2 3 6 5 6 5 8 9 4 4]
             [0 1 6 3 8 6 8 4 5 8]
             [9 6 5 8 2 7 2 1 1 7]
             [8 2 1 8 5 9 9 5 9 0]
             [7 6 4 0 3 5 1 1 6 0]]
            INPUT MATRIX B
            :
            [[4 2 4 5 4 4 8 3 3 7]
             [7 0 1 3 7 6 7 5 0 9]
             [8 3 0 6 6 6 1 9 4 9]
             [8 1 0 5 5 6 4 1 6 6]
             [8 8 1 2 3 0 9 5 2 3]
             [4 2 3 7 1 5 7 4 7 7]
             [9 6 7 9 3 6 1 6 8 5]
             [7 8 2 5 6 0 0 9 5 8]
             [0 0 5 6 8 7 8 9 2 9]
             [1 0 8 3 5 2 1 5 9 6]]
            RESULT MATRIX C = A*B
            :
            [[290 146 188 280 301 244 255 347 247 416]
             [210  94 173 234 235 206 217 263 224 339]
             [273 143 170 287 212 236 263 241 254 328]
             [225 104 162 231 179 202 207 195 210 265]
             [259 162 105 191 203 128 159 235 216 281]
             [324 205 158 280 243 201 196 315 260 350]
             [275 177 180 258 216 189 195 295 266 312]
             [258  91 142 236 216 218 235 213 234 334]
             [310 179 184 325 245 260 300 292 264 375]
             [162  74  91 168 165 161 213 191 103 250]]
            check: equals the Java reference exactly
            """;

    @Test
    void thePyCudaDoublingPrintsBothMatrices() {
        assertRecipe("double", DOUBLE);
    }

    @Test
    void theFiveByFiveMatmulPrintsABAndC() {
        assertRecipe("matmul", MATMUL);
    }

    @Test
    void thePyOpenClVectorSumPrintsABAndTheirSum() {
        assertRecipe("vecsum", VECSUM);
    }

    @Test
    void theElementwiseKernelPrintsItsInputsAndResult() {
        assertRecipe("elementwise", ELEMENTWISE);
    }

    @Test
    void thePyCudaElementwiseKernelPrintsItsLabelsAndFloats() {
        CliRun run = CliRun.of("gpu", "book", "elementwise", "--book", "pycuda", "--size", "8", "--backend", "java");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(ELEMENTWISE_PYCUDA.lines().toList(), run.outLines().subList(0, run.outLines().size() - 1),
                run::toString);
    }

    @Test
    void thePyOpenClElementwiseKernelPrintsFloatsWhereTheResultIsNotWhole() {
        CliRun run = CliRun.of("gpu", "book", "elementwise", "--expression", "c = a / b", "--size", "3", "--backend",
                "java");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("INPUT VECTOR A", "[85 88 47]", "INPUT VECTOR B", "[13 54  4]", "OUTPUT VECTOR RESULT A / B ",
                "[ 6.5384617  1.6296296 11.75     ]"), run.outLines().subList(3, 9), run::toString);
    }

    @Test
    void thePyCudaGpuArrayPrintsTheDoubledMatrixThenTheUnchangedArray() {
        assertRecipe("gpuarray", GPUARRAY);
    }

    @Test
    void thePyCudaMapReduceDotProductOfArange400Prints21253400() {
        assertRecipe("dot", DOT);
    }

    @Test
    void numbasReducePrints50005000() {
        assertRecipe("reduce", REDUCE);
    }

    @Test
    void theTenByTenIntegerMatmulPrintsABAndC() {
        assertRecipe("matmul10", MATMUL10);
    }

    /**
     * testApplicationPyopencl.py's three times as Java prints a double, in seconds; off OpenCL one device line stands
     * for PyOpenCL's device info, and the catalog's vector add for the book's kernel.
     */
    @Test
    void theCpuAgainstGpuEvaluationPrintsTheThreeTimesAndTheCheck() {
        CliRun run = CliRun.of("gpu", "book", "evaluate", "--backend", "java");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(7, lines.size(), run::toString);
        assertEquals("gpu book evaluate: c = a + b, 10000 uniform floats in [0, 1) per input, seed 1, each sum done"
                + " 10000 times on the CPU, once by the catalog's vector add on java:0 (parallel streams (common"
                + " fork-join pool))", lines.get(0), run::toString);
        assertTrue(lines.get(1).matches("java device 0: parallel streams \\(common fork-join pool\\); cpu, \\d+ compute"
                + " units, \\d+\\.\\d GiB, .+"), run::toString);
        assertTrue(lines.get(2).matches("CPU Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertTrue(lines.get(3).matches("GPU Kernel evaluation Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertTrue(lines.get(4).matches("GPU Time: \\d+\\.\\d+(E-\\d+)? s"), run::toString);
        assertEquals("check: equals the Java reference exactly", lines.get(5), run::toString);
        assertTrue(lines.get(6).matches("kernel \\d+\\.\\d{3} ms, transfers \\d+\\.\\d{3} ms"), run::toString);
    }

    @Test
    void theEvaluationNamesABadSize() {
        CliRun run = CliRun.of("gpu", "book", "evaluate", "--backend", "java", "--size", "0");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--size 0: expected 1 or more"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    /**
     * dealingWithPycuda.py's layout on a device record made by hand, since no CUDA device is here: the count, the
     * name, the compute capability and {@code total_memory()//1024} in KB.
     */
    @Test
    void thePyCudaDeviceQueryLayoutOfAHandMadeDevice() {
        DeviceInfo h100 = new DeviceInfo("cuda", 0, "NVIDIA H100 80GB HBM3", DeviceType.GPU, 132, 80L << 30, "CUDA 12.4",
                new DeviceInfo.Limits("9.0", 1980, 49152, 65536, 1024, -1));
        StringWriter text = new StringWriter();

        GpuInfoCommand.pycuda(new PrintWriter(text), List.of(h100, new DeviceInfo("cuda", 1, "Tesla T4",
                DeviceType.GPU, 40, 15_655_829_504L, "CUDA 12.4", new DeviceInfo.Limits("7.5", 1590, 49152, 65536,
                        1024, -1))));

        assertEquals("""
                2 device(s) found.
                Device #0: NVIDIA H100 80GB HBM3
                 Compute Capability: 9.0
                 Total Memory: 83886080 KB
                Device #1: Tesla T4
                 Compute Capability: 7.5
                 Total Memory: 15288896 KB
                """, text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theSeedChangesTheInputAndIsPrinted() {
        CliRun run = CliRun.of("gpu", "book", "vecsum", "--backend", "java", "--size", "5", "--seed", "3");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("gpu book vecsum: A + B, 5 integers from 0 to 99 each, seed 3 on java:0 (parallel streams"
                + " (common fork-join pool))", "PyOPENCL SUM OF TWO VECTORS", "Platform Selected = java",
                "Device Selected = parallel streams (common fork-join pool)", "VECTOR LENGTH = 5", "INPUT VECTOR A",
                "[34 60 10 81 28]", "INPUT VECTOR B", "[ 2 49 64 59 61]", "OUTPUT VECTOR RESULT A + B ",
                "[ 36 109  74 140  89]", "check: equals the Java reference exactly"),
                run.outLines().subList(0, 12), run::toString);
    }

    @Test
    void cudaIsUnavailableHereAndSaysWhy() {
        assumeFalse(Backends.named("cuda").availability().available(), "cuda is available on this machine");

        CliRun run = CliRun.of("gpu", "book", "double", "--backend", "cuda");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("backend cuda is unavailable: "), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    /** {@code gpu info --book pycuda} needs the CUDA devices: where there are none it fails as the recipes do. */
    @Test
    void infoBookPycudaSaysWhyCudaIsUnavailable() {
        assumeFalse(Backends.named("cuda").availability().available(), "cuda is available on this machine");

        CliRun run = CliRun.of("gpu", "info", "--book", "pycuda");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("backend cuda is unavailable: "
                + Backends.named("cuda").availability().detail() + "\n"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void infoBookNamesItsChoicesForAnUnknownBook() {
        CliRun run = CliRun.of("gpu", "info", "--book", "numba");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'numba': expected pyopencl or pycuda"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    /** PyOpenCL names a device type by every constant sharing a bit with it, and Python rounds half to even. */
    @Test
    void thePyOpenClDeviceTypeNamesAndPythonsRounding() {
        assertEquals("ALL | GPU", GpuInfoCommand.deviceTypeName(4));
        assertEquals("ALL | CPU", GpuInfoCommand.deviceTypeName(2));
        assertEquals("ALL | CPU | DEFAULT", GpuInfoCommand.deviceTypeName(3));
        assertEquals("ACCELERATOR | ALL", GpuInfoCommand.deviceTypeName(8));
        assertEquals("2", GpuInfoCommand.pythonRounded(2.5));
        assertEquals("4", GpuInfoCommand.pythonRounded(3.5));
        assertEquals("1", GpuInfoCommand.pythonRounded(0.5000001));
        assertEquals("64", GpuInfoCommand.pythonRounded(65536 / 1024.0));
        assertEquals("1024", GpuInfoCommand.pythonRounded(1024L));
    }

    @Test
    void withoutARecipeItListsThem() {
        CliRun run = CliRun.of("gpu", "book");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("matmul10"), run::toString);
    }

    @Test
    void numpysLayoutOfFloatsIntegersAndLongVectors() {
        assertEquals("[[ 1.5   -0.25 ]\n [ 0.125 10.   ]]",
                NumpyFormat.matrix(new float[] {1.5f, -0.25f, 0.125f, 10f}, 2, 2));
        assertEquals("[1. 2.]", NumpyFormat.vector(new float[] {1f, 2f}));
        assertEquals("[0.1 0.2]", NumpyFormat.vector(new float[] {0.1f, 0.2f}));
        assertEquals("[ 1 -2 30]", NumpyFormat.vector(new long[] {1, -2, 30}));
        long[] big = new long[1001];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        assertEquals("[   0    1    2 ...  998  999 1000]", NumpyFormat.vector(big));
    }

    @Test
    void numpySummarizesBothAxesOfALargeMatrixAndSizesCellsFromWhatItShows() {
        long[] m = new long[1024 * 1024];
        for (int i = 0; i < m.length; i++) {
            m[i] = i;
        }
        assertEquals("""
                [[      0       1       2 ...    1021    1022    1023]
                 [   1024    1025    1026 ...    2045    2046    2047]
                 [   2048    2049    2050 ...    3069    3070    3071]
                 ...
                 [1045504 1045505 1045506 ... 1046525 1046526 1046527]
                 [1046528 1046529 1046530 ... 1047549 1047550 1047551]
                 [1047552 1047553 1047554 ... 1048573 1048574 1048575]]""", NumpyFormat.matrix(m, 1024, 1024));
        float[] wide = new float[2 * 600];
        wide[0] = 0.5f;
        wide[700] = 1234.25f;
        assertEquals("[[0.5 0.  0.  ... 0.  0.  0. ]\n [0.  0.  0.  ... 0.  0.  0. ]]", NumpyFormat.matrix(wide, 2, 600));
        assertEquals("21253400.0", NumpyFormat.scalar(21253400f));
        assertEquals("0.1", NumpyFormat.scalar(0.1f));
    }

    static void assertRecipe(String recipe, String expected) {
        CliRun run = CliRun.of("gpu", "book", recipe, "--backend", "java");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(expected.lines().toList(), lines.subList(0, lines.size() - 1), run::toString);
        assertTrue(lines.get(lines.size() - 1).matches("kernel \\d+\\.\\d{3} ms, transfers \\d+\\.\\d{3} ms"),
                run::toString);
    }
}
