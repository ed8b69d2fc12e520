package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * An element-wise kernel from one assignment, as PyOpenCL's {@code ElementwiseKernel}:
 * {@code "c = a * b + sin(a)"} computes {@code c[i]} from {@code a[i]} and {@code b[i]} for every i.
 * The right side has numbers, input names, {@code + - * /}, parentheses, unary minus and the calls
 * sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, log, log10, sqrt, abs, floor, ceil (one
 * argument) and pow, min, max, atan2 (two). Inputs are the names read, in order of first use; the
 * output may not be read. The same expression becomes OpenCL C, CUDA C, or a Java evaluation, and
 * computes in the kernel's element type (literals included).
 */
public final class Elementwise {
    private final String source;
    private final ElementType type;
    private final ExpressionParser.Parsed parsed;

    private Elementwise(String source, ElementType type, ExpressionParser.Parsed parsed) {
        this.source = source;
        this.type = type;
        this.parsed = parsed;
    }

    /**
     * Parses an assignment.
     *
     * @param source such as {@code "c = a * b + sin(a)"}
     * @param type {@link ElementType#FLOAT} or {@link ElementType#DOUBLE}, of every buffer the kernel touches
     * @return the kernel
     * @throws RanksException ({@code ARG}) for a syntax error, an unknown function, a wrong argument
     *     count or a read of the output, naming the column; for a type that is not float or double
     */
    public static Elementwise parse(String source, ElementType type) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (type != ElementType.FLOAT && type != ElementType.DOUBLE) {
            throw new RanksException(ErrorClass.ARG, "elementwise over " + type.javaName() + ": expected float or double");
        }
        return new Elementwise(source, type, ExpressionParser.parse(source));
    }

    /**
     * The text it was parsed from.
     *
     * @return the assignment
     */
    public String source() {
        return source;
    }

    /**
     * The element type of its buffers.
     *
     * @return float or double
     */
    public ElementType type() {
        return type;
    }

    /**
     * The assigned name.
     *
     * @return the output's name
     */
    public String output() {
        return parsed.output();
    }

    /**
     * The names read, in order of first use: the order input buffers are passed in.
     *
     * @return the inputs' names
     */
    public List<String> inputs() {
        return parsed.inputs();
    }

    /**
     * The kernel as OpenCL C: {@code __kernel void name(__global T* out, __global const T* in0, …, const int n)}.
     *
     * @param name the kernel function's name
     * @return the program source
     */
    public String openclSource(String name) {
        StringBuilder s = new StringBuilder();
        if (type == ElementType.DOUBLE) {
            s.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        }
        s.append("__kernel void ").append(name).append("(__global ").append(cType()).append("* out");
        for (int i = 0; i < inputs().size(); i++) {
            s.append(", __global const ").append(cType()).append("* in").append(i);
        }
        s.append(", const int n) {\n    int i = get_global_id(0);\n");
        return body(s).toString();
    }

    /**
     * The kernel as CUDA C, for NVRTC: {@code extern "C" __global__ void name(T* out, const T* in0, …, int n)}.
     *
     * @param name the kernel function's name
     * @return the program source
     */
    public String cudaSource(String name) {
        StringBuilder s = new StringBuilder("extern \"C\" __global__ void ").append(name).append("(")
                .append(cType()).append("* out");
        for (int i = 0; i < inputs().size(); i++) {
            s.append(", const ").append(cType()).append("* in").append(i);
        }
        s.append(", int n) {\n    int i = blockIdx.x * blockDim.x + threadIdx.x;\n");
        return body(s).toString();
    }

    /**
     * Evaluates elements {@code from} to {@code to - 1} on the host, in double and rounded to the
     * element type on store.
     *
     * @param out the output array, {@code float[]} or {@code double[]} of the kernel's type
     * @param inputs the input arrays, in {@link #inputs()} order, each at least {@code to} long
     * @param from the first element
     * @param to one past the last element
     */
    public void evaluate(Object out, Object[] inputs, int from, int to) {
        IntToDoubleFunction f = compile(parsed.root(), inputs);
        if (out instanceof float[] o) {
            for (int i = from; i < to; i++) {
                o[i] = (float) f.applyAsDouble(i);
            }
        } else {
            double[] o = (double[]) out;
            for (int i = from; i < to; i++) {
                o[i] = f.applyAsDouble(i);
            }
        }
    }

    /**
     * The tree, for backends that translate it further (Aparapi's stack program).
     *
     * @return the root of the parsed right side
     */
    Node root() {
        return parsed.root();
    }

    @Override
    public String toString() {
        return source + " over " + type.javaName();
    }

    private StringBuilder body(StringBuilder s) {
        s.append("    if (i < n) {\n        out[i] = ");
        emit(parsed.root(), s);
        return s.append(";\n    }\n}\n");
    }

    private String cType() {
        return type == ElementType.FLOAT ? "float" : "double";
    }

    private void emit(Node node, StringBuilder s) {
        if (node instanceof Node.Num num) {
            s.append('(').append(literal(num.value())).append(')');
        } else if (node instanceof Node.Var var) {
            s.append("in").append(var.index()).append("[i]");
        } else if (node instanceof Node.Neg neg) {
            s.append("(-");
            emit(neg.operand(), s);
            s.append(')');
        } else if (node instanceof Node.Bin bin) {
            s.append('(');
            emit(bin.left(), s);
            s.append(' ').append(bin.op()).append(' ');
            emit(bin.right(), s);
            s.append(')');
        } else {
            Node.Call call = (Node.Call) node;
            s.append(call.function().cName()).append('(');
            for (int i = 0; i < call.args().size(); i++) {
                if (i > 0) {
                    s.append(", ");
                }
                emit(call.args().get(i), s);
            }
            s.append(')');
        }
    }

    private String literal(double value) {
        // Hexadecimal floating literals are exact in C99, OpenCL C and CUDA C alike.
        String hex = Double.toHexString(type == ElementType.FLOAT ? (float) value : value).toLowerCase(Locale.ROOT);
        return type == ElementType.FLOAT ? hex + "f" : hex;
    }

    private IntToDoubleFunction compile(Node node, Object[] arrays) {
        if (node instanceof Node.Num num) {
            double v = type == ElementType.FLOAT ? (float) num.value() : num.value();
            return i -> v;
        }
        if (node instanceof Node.Var var) {
            if (arrays[var.index()] instanceof float[] a) {
                return i -> a[i];
            }
            double[] a = (double[]) arrays[var.index()];
            return i -> a[i];
        }
        if (node instanceof Node.Neg neg) {
            IntToDoubleFunction x = compile(neg.operand(), arrays);
            return i -> -x.applyAsDouble(i);
        }
        if (node instanceof Node.Bin bin) {
            IntToDoubleFunction l = compile(bin.left(), arrays);
            IntToDoubleFunction r = compile(bin.right(), arrays);
            return switch (bin.op()) {
                case '+' -> i -> l.applyAsDouble(i) + r.applyAsDouble(i);
                case '-' -> i -> l.applyAsDouble(i) - r.applyAsDouble(i);
                case '*' -> i -> l.applyAsDouble(i) * r.applyAsDouble(i);
                default -> i -> l.applyAsDouble(i) / r.applyAsDouble(i);
            };
        }
        Node.Call call = (Node.Call) node;
        Function fn = call.function();
        IntToDoubleFunction x = compile(call.args().get(0), arrays);
        if (fn.arity() == 1) {
            return i -> fn.apply(x.applyAsDouble(i));
        }
        IntToDoubleFunction y = compile(call.args().get(1), arrays);
        return i -> fn.apply(x.applyAsDouble(i), y.applyAsDouble(i));
    }
}
