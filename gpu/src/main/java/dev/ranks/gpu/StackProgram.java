package dev.ranks.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link Elementwise} expression in postfix form, for backends that cannot compile source text
 * at run time (Aparapi translates bytecode, so its kernel interprets this program per element).
 * {@link #code()} holds (opcode, operand) pairs; the operand indexes an input or {@link #constants()}.
 * Function opcodes are {@link #FUNCTIONS} plus the function's position in the expression language's
 * list, binary operators come from {@link #ADD} to {@link #ATAN2}.
 */
public final class StackProgram {
    /** Push input {@code operand}'s current element. */
    public static final int PUSH_INPUT = 0;
    /** Push {@code constants[operand]}. */
    public static final int PUSH_CONSTANT = 1;
    /** Negate the top. */
    public static final int NEGATE = 2;
    /** Pop y, pop x, push x + y. */
    public static final int ADD = 3;
    /** Pop y, pop x, push x - y. */
    public static final int SUBTRACT = 4;
    /** Pop y, pop x, push x * y. */
    public static final int MULTIPLY = 5;
    /** Pop y, pop x, push x / y. */
    public static final int DIVIDE = 6;
    /** Pop y, pop x, push pow(x, y). */
    public static final int POW = 7;
    /** Pop y, pop x, push min(x, y). */
    public static final int MIN = 8;
    /** Pop y, pop x, push max(x, y). */
    public static final int MAX = 9;
    /** Pop y, pop x, push atan2(x, y). */
    public static final int ATAN2 = 10;
    /** The first one-argument function's opcode. */
    public static final int FUNCTIONS = 16;
    /** Replace the top x by sin(x). */
    public static final int SIN = FUNCTIONS;
    /** Replace the top x by cos(x). */
    public static final int COS = FUNCTIONS + 1;
    /** Replace the top x by tan(x). */
    public static final int TAN = FUNCTIONS + 2;
    /** Replace the top x by asin(x). */
    public static final int ASIN = FUNCTIONS + 3;
    /** Replace the top x by acos(x). */
    public static final int ACOS = FUNCTIONS + 4;
    /** Replace the top x by atan(x). */
    public static final int ATAN = FUNCTIONS + 5;
    /** Replace the top x by sinh(x). */
    public static final int SINH = FUNCTIONS + 6;
    /** Replace the top x by cosh(x). */
    public static final int COSH = FUNCTIONS + 7;
    /** Replace the top x by tanh(x). */
    public static final int TANH = FUNCTIONS + 8;
    /** Replace the top x by exp(x). */
    public static final int EXP = FUNCTIONS + 9;
    /** Replace the top x by log(x). */
    public static final int LOG = FUNCTIONS + 10;
    /** Replace the top x by log10(x). */
    public static final int LOG10 = FUNCTIONS + 11;
    /** Replace the top x by sqrt(x). */
    public static final int SQRT = FUNCTIONS + 12;
    /** Replace the top x by |x|. */
    public static final int ABS = FUNCTIONS + 13;
    /** Replace the top x by floor(x). */
    public static final int FLOOR = FUNCTIONS + 14;
    /** Replace the top x by ceil(x). */
    public static final int CEIL = FUNCTIONS + 15;

    private final int[] code;
    private final double[] constants;
    private final int depth;

    private StackProgram(int[] code, double[] constants, int depth) {
        this.code = code;
        this.constants = constants;
        this.depth = depth;
    }

    /**
     * Translates an expression.
     *
     * @param kernel the parsed expression
     * @return its postfix program
     */
    public static StackProgram of(Elementwise kernel) {
        List<Integer> code = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        int depth = emit(kernel.root(), kernel.type(), code, constants);
        return new StackProgram(code.stream().mapToInt(Integer::intValue).toArray(),
                constants.stream().mapToDouble(Double::doubleValue).toArray(), depth);
    }

    /**
     * The (opcode, operand) pairs.
     *
     * @return a copy of the code
     */
    public int[] code() {
        return code.clone();
    }

    /**
     * The literals, already rounded to the kernel's element type.
     *
     * @return a copy of the constants
     */
    public double[] constants() {
        return constants.clone();
    }

    /**
     * The most values on the stack at once.
     *
     * @return the stack depth the program needs
     */
    public int depth() {
        return depth;
    }

    @Override
    public String toString() {
        return Arrays.toString(code) + " " + Arrays.toString(constants);
    }

    // Returns the stack depth the node needs; a binary node needs its left side's depth, or one more
    // than its right side's since the left value stays pushed meanwhile.
    private static int emit(Node node, ElementType type, List<Integer> code, List<Double> constants) {
        if (node instanceof Node.Num num) {
            constants.add(type == ElementType.FLOAT ? (double) (float) num.value() : num.value());
            add(code, PUSH_CONSTANT, constants.size() - 1);
            return 1;
        }
        if (node instanceof Node.Var var) {
            add(code, PUSH_INPUT, var.index());
            return 1;
        }
        if (node instanceof Node.Neg neg) {
            int depth = emit(neg.operand(), type, code, constants);
            add(code, NEGATE, 0);
            return depth;
        }
        if (node instanceof Node.Bin bin) {
            int left = emit(bin.left(), type, code, constants);
            int right = emit(bin.right(), type, code, constants);
            add(code, switch (bin.op()) {
                case '+' -> ADD;
                case '-' -> SUBTRACT;
                case '*' -> MULTIPLY;
                default -> DIVIDE;
            }, 0);
            return Math.max(left, right + 1);
        }
        Node.Call call = (Node.Call) node;
        int left = emit(call.args().get(0), type, code, constants);
        if (call.function().arity() == 1) {
            add(code, FUNCTIONS + call.function().ordinal(), 0);
            return left;
        }
        int right = emit(call.args().get(1), type, code, constants);
        add(code, switch (call.function()) {
            case POW -> POW;
            case MIN -> MIN;
            case MAX -> MAX;
            default -> ATAN2;
        }, 0);
        return Math.max(left, right + 1);
    }

    private static void add(List<Integer> code, int op, int operand) {
        code.add(op);
        code.add(operand);
    }
}
