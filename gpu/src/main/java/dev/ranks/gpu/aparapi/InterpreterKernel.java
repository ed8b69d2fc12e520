package dev.ranks.gpu.aparapi;

import com.aparapi.Kernel;
import dev.ranks.gpu.StackProgram;

/**
 * An element-wise expression as a stack program, interpreted per element in double: Aparapi
 * translates bytecode, so a kernel cannot be generated from text; the program is data instead.
 * {@code code} holds pairs (opcode, operand); inputs are packed input-major in {@code in}.
 */
final class InterpreterKernel extends Kernel {
    static final int DEPTH = 16;
    int[] code;
    int codeLength;
    double[] constants;
    double[] in;
    double[] out;
    int n;
    @PrivateMemorySpace(DEPTH)
    final double[] stack = new double[DEPTH];

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < n) {
            int top = -1;
            for (int pc = 0; pc < codeLength; pc += 2) {
                int op = code[pc];
                int arg = code[pc + 1];
                if (op == StackProgram.PUSH_INPUT) {
                    top++;
                    stack[top] = in[arg * n + i];
                } else if (op == StackProgram.PUSH_CONSTANT) {
                    top++;
                    stack[top] = constants[arg];
                } else if (op == StackProgram.NEGATE) {
                    stack[top] = -stack[top];
                } else if (op >= StackProgram.ADD && op <= StackProgram.ATAN2) {
                    double y = stack[top];
                    top--;
                    stack[top] = binary(op, stack[top], y);
                } else {
                    stack[top] = unary(op, stack[top]);
                }
            }
            out[i] = stack[0];
        }
    }

    private double binary(int op, double x, double y) {
        double r = 0;
        if (op == StackProgram.ADD) {
            r = x + y;
        } else if (op == StackProgram.SUBTRACT) {
            r = x - y;
        } else if (op == StackProgram.MULTIPLY) {
            r = x * y;
        } else if (op == StackProgram.DIVIDE) {
            r = x / y;
        } else if (op == StackProgram.POW) {
            r = pow(x, y);
        } else if (op == StackProgram.MIN) {
            r = min(x, y);
        } else if (op == StackProgram.MAX) {
            r = max(x, y);
        } else {
            r = atan2(x, y);
        }
        return r;
    }

    private double unary(int op, double x) {
        double r = 0;
        if (op == StackProgram.SIN) {
            r = sin(x);
        } else if (op == StackProgram.COS) {
            r = cos(x);
        } else if (op == StackProgram.TAN) {
            r = tan(x);
        } else if (op == StackProgram.ASIN) {
            r = asin(x);
        } else if (op == StackProgram.ACOS) {
            r = acos(x);
        } else if (op == StackProgram.ATAN) {
            r = atan(x);
        } else if (op == StackProgram.SINH) {
            r = sinh(x);
        } else if (op == StackProgram.COSH) {
            r = cosh(x);
        } else if (op == StackProgram.TANH) {
            r = tanh(x);
        } else if (op == StackProgram.EXP) {
            r = exp(x);
        } else if (op == StackProgram.LOG) {
            r = log(x);
        } else if (op == StackProgram.LOG10) {
            r = log10(x);
        } else if (op == StackProgram.SQRT) {
            r = sqrt(x);
        } else if (op == StackProgram.ABS) {
            r = abs(x);
        } else if (op == StackProgram.FLOOR) {
            r = floor(x);
        } else {
            r = ceil(x);
        }
        return r;
    }
}
