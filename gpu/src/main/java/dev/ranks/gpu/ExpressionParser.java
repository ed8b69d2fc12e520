package dev.ranks.gpu;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive descent over {@code name = expr}, where
 * {@code expr := term (('+'|'-') term)*}, {@code term := unary (('*'|'/') unary)*},
 * {@code unary := ('-'|'+') unary | primary},
 * {@code primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'}.
 * Errors name the 1-based column, what was expected and what was found.
 */
final class ExpressionParser {
    /** The parser's result: the assigned name, the inputs in order of first use, the tree. */
    record Parsed(String output, List<String> inputs, Node root) {
    }

    private final String source;
    private final List<String> inputs = new ArrayList<>();
    private int at;
    private String output;

    private ExpressionParser(String source) {
        this.source = source;
    }

    static Parsed parse(String source) {
        ExpressionParser parser = new ExpressionParser(source);
        return parser.statement();
    }

    private Parsed statement() {
        skipSpace();
        int nameAt = at;
        output = name().orElseThrow(() -> error(nameAt, "the output's name"));
        checkNotFunction(output, nameAt);
        skipSpace();
        expect('=');
        Node root = expr();
        skipSpace();
        if (at < source.length()) {
            throw error(at, "an operator or the end");
        }
        return new Parsed(output, List.copyOf(inputs), root);
    }

    private Node expr() {
        Node left = term();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char op = source.charAt(at++);
                left = new Node.Bin(op, left, term());
            } else {
                return left;
            }
        }
    }

    private Node term() {
        Node left = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                char op = source.charAt(at++);
                left = new Node.Bin(op, left, unary());
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        skipSpace();
        if (peek('-')) {
            at++;
            return new Node.Neg(unary());
        }
        if (peek('+')) {
            at++;
            return unary();
        }
        return primary();
    }

    private Node primary() {
        skipSpace();
        int start = at;
        if (peek('(')) {
            at++;
            Node inner = expr();
            skipSpace();
            expect(')');
            return inner;
        }
        if (at < source.length() && (isDigit(source.charAt(at)) || peek('.'))) {
            return number();
        }
        Optional<String> name = name();
        if (name.isEmpty()) {
            throw error(start, "a number, a name or '('");
        }
        skipSpace();
        if (peek('(')) {
            return call(name.get(), start);
        }
        checkNotFunction(name.get(), start);
        if (name.get().equals(output)) {
            throw new RanksException(ErrorClass.ARG, "bad expression \"" + source + "\" at column " + (start + 1)
                    + ": '" + output + "' is the output and cannot also be read: expected an input's name");
        }
        int index = inputs.indexOf(name.get());
        if (index < 0) {
            inputs.add(name.get());
            index = inputs.size() - 1;
        }
        return new Node.Var(index);
    }

    private Node call(String name, int start) {
        Function function = Function.byName(name).orElseThrow(() -> new RanksException(ErrorClass.ARG,
                "bad expression \"" + source + "\" at column " + (start + 1) + ": unknown function '" + name
                        + "': expected one of " + List.of(Function.values()).stream().map(Function::exprName).toList()));
        at++;
        List<Node> args = new ArrayList<>();
        args.add(expr());
        skipSpace();
        while (peek(',')) {
            at++;
            args.add(expr());
            skipSpace();
        }
        expect(')');
        if (args.size() != function.arity()) {
            throw new RanksException(ErrorClass.ARG, "bad expression \"" + source + "\" at column " + (start + 1)
                    + ": " + name + " takes " + function.arity() + " argument" + (function.arity() == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        return new Node.Call(function, List.copyOf(args));
    }

    private Node number() {
        int start = at;
        while (at < source.length() && (isDigit(source.charAt(at)) || peek('.'))) {
            at++;
        }
        if (at < source.length() && (peek('e') || peek('E'))) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            int digits = at;
            while (at < source.length() && isDigit(source.charAt(at))) {
                at++;
            }
            if (digits == at) {
                throw error(at, "the exponent's digits");
            }
        }
        String text = source.substring(start, at);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RanksException(ErrorClass.ARG, -1, "bad expression \"" + source + "\" at column "
                    + (start + 1) + ": '" + text + "' is not a number", e);
        }
        if (Double.isInfinite(value)) {
            throw new RanksException(ErrorClass.ARG, "bad expression \"" + source + "\" at column " + (start + 1)
                    + ": " + text + " is too large: expected a finite double");
        }
        return new Node.Num(value);
    }

    private Optional<String> name() {
        int start = at;
        if (at < source.length() && nameStart(source.charAt(at))) {
            at++;
            while (at < source.length() && (nameStart(source.charAt(at)) || isDigit(source.charAt(at)))) {
                at++;
            }
        }
        return start == at ? Optional.empty() : Optional.of(source.substring(start, at));
    }

    // ASCII only: names become C identifiers in the OpenCL and CUDA sources.
    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void checkNotFunction(String name, int start) {
        if (Function.byName(name).isPresent()) {
            throw new RanksException(ErrorClass.ARG, "bad expression \"" + source + "\" at column " + (start + 1)
                    + ": '" + name + "' is a function: expected a call such as " + name + "(x)");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error(at, "'" + c + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return at < source.length() && source.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
    }

    private RanksException error(int column, String expected) {
        String found = column < source.length() ? "'" + source.charAt(column) + "'" : "the end";
        return new RanksException(ErrorClass.ARG, "bad expression \"" + source + "\" at column " + (column + 1)
                + ": expected " + expected + ", found " + found);
    }
}
