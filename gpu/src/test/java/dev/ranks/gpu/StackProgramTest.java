package dev.ranks.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StackProgramTest {
    @Test
    void unaryOpcodesFollowTheFunctionList() {
        assertEquals(StackProgram.SIN, StackProgram.FUNCTIONS + Function.SIN.ordinal());
        assertEquals(StackProgram.CEIL, StackProgram.FUNCTIONS + Function.CEIL.ordinal());
        assertEquals(Function.CEIL.ordinal() + 1, Function.POW.ordinal(), "two-argument functions come last");
    }

    @Test
    void postfixOrderAndDepth() {
        StackProgram p = StackProgram.of(Elementwise.parse("c = a * b + sin(a) / 2", ElementType.DOUBLE));
        assertArrayEquals(new int[] {
            StackProgram.PUSH_INPUT, 0, StackProgram.PUSH_INPUT, 1, StackProgram.MULTIPLY, 0,
            StackProgram.PUSH_INPUT, 0, StackProgram.SIN, 0, StackProgram.PUSH_CONSTANT, 0, StackProgram.DIVIDE, 0,
            StackProgram.ADD, 0}, p.code());
        assertArrayEquals(new double[] {2}, p.constants());
        assertEquals(3, p.depth());
    }
}
