package dev.ranks.gpu;

import java.util.List;

/** A parsed {@link Elementwise} expression: numbers, inputs, unary minus, + - * / and calls. */
sealed interface Node {
    /** A literal. */
    record Num(double value) implements Node {
    }

    /** The current element of input {@code index}, in {@link Elementwise#inputs()} order. */
    record Var(int index) implements Node {
    }

    /** Negation. */
    record Neg(Node operand) implements Node {
    }

    /** One of {@code + - * /}. */
    record Bin(char op, Node left, Node right) implements Node {
    }

    /** A call of a math function with as many arguments as it takes. */
    record Call(Function function, List<Node> args) implements Node {
    }
}
