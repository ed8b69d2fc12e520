package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementwiseTest {
    @Test
    void inputsComeInOrderOfFirstUse() {
        Elementwise e = Elementwise.parse("c = a * b + sin(a)", ElementType.FLOAT);
        assertEquals("c", e.output());
        assertEquals(List.of("a", "b"), e.inputs());
    }

    @Test
    void evaluatesWithPrecedenceAndUnaryMinus() {
        Elementwise e = Elementwise.parse("r = -x * 2 + y / 4 - (x - y) * 3 + min(x, y)", ElementType.DOUBLE);
        double[] out = (double[]) Reference.elementwise(e, new double[] {1, -2}, new double[] {8, 4});
        assertArrayEquals(new double[] {-2 + 2 + 21 + 1, 4 + 1 + 18 - 2}, out);
    }

    @Test
    void floatKernelsRoundLiteralsAndResultsToFloat() {
        Elementwise e = Elementwise.parse("c = a + 0.1", ElementType.FLOAT);
        float[] out = (float[]) Reference.elementwise(e, (Object) new float[] {1f});
        assertEquals(1f + 0.1f, out[0]);
        assertTrue(e.openclSource("k").contains(Double.toHexString(0.1f) + "f"), e.openclSource("k"));
    }

    @Test
    void constantKernelsTakeNoInputs() {
        Elementwise e = Elementwise.parse("c = 2 * 3", ElementType.FLOAT);
        assertEquals(List.of(), e.inputs());
        assertArrayEquals(new float[0], (float[]) Reference.elementwise(e));
    }

    @Test
    void openclAndCudaSourcesDeclareOneBufferPerInput() {
        Elementwise e = Elementwise.parse("c = a * b + sin(a)", ElementType.DOUBLE);
        String cl = e.openclSource("ew");
        assertTrue(cl.startsWith("#pragma OPENCL EXTENSION cl_khr_fp64 : enable"), cl);
        assertTrue(cl.contains("__kernel void ew(__global double* out, __global const double* in0, "
                + "__global const double* in1, const int n)"), cl);
        assertTrue(cl.contains("out[i] = ((in0[i] * in1[i]) + sin(in0[i]));"), cl);
        String cuda = e.cudaSource("ew");
        assertTrue(cuda.contains("extern \"C\" __global__ void ew(double* out, const double* in0, const double* in1, int n)"),
                cuda);
        assertTrue(cuda.contains("blockIdx.x * blockDim.x + threadIdx.x"), cuda);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "c = a *|8|expected a number, a name or '(', found the end",
        "c = a +* b|8|expected a number, a name or '(', found '*'",
        "= a|1|expected the output's name, found '='",
        "c a|3|expected '=', found 'a'",
        "c = (a + b|11|expected ')', found the end",
        "c = a b|7|expected an operator or the end, found 'b'",
        "c = 1e+|8|expected the exponent's digits, found the end",
        "c = foo(a)|5|unknown function 'foo'",
        "c = sin(a, b)|5|sin takes 1 argument, got 2",
        "c = pow(a)|5|pow takes 2 arguments, got 1",
        "c = c + a|5|'c' is the output and cannot also be read",
        "c = sin + a|5|'sin' is a function",
        "c = 1.2.3|5|'1.2.3' is not a number",
        "c = a $ b|7|expected an operator or the end, found '$'"})
    void badExpressionsNameTheColumn(String source, int column, String message) {
        RanksException e = assertThrows(RanksException.class, () -> Elementwise.parse(source, ElementType.FLOAT));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("at column " + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void longIsNotAnElementwiseType() {
        RanksException e = assertThrows(RanksException.class, () -> Elementwise.parse("c = a", ElementType.LONG));
        assertEquals(ErrorClass.ARG, e.errorClass());
    }
}
