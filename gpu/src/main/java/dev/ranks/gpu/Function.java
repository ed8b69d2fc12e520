package dev.ranks.gpu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** The functions an {@link Elementwise} expression may call; the same names in OpenCL C and CUDA C. */
enum Function {
    SIN("sin", Math::sin),
    COS("cos", Math::cos),
    TAN("tan", Math::tan),
    ASIN("asin", Math::asin),
    ACOS("acos", Math::acos),
    ATAN("atan", Math::atan),
    SINH("sinh", Math::sinh),
    COSH("cosh", Math::cosh),
    TANH("tanh", Math::tanh),
    EXP("exp", Math::exp),
    LOG("log", Math::log),
    LOG10("log10", Math::log10),
    SQRT("sqrt", Math::sqrt),
    ABS("fabs", Math::abs),
    FLOOR("floor", Math::floor),
    CEIL("ceil", Math::ceil),
    POW("pow", Math::pow),
    MIN("fmin", Math::min),
    MAX("fmax", Math::max),
    ATAN2("atan2", Math::atan2);

    private final String cName;
    private final DoubleUnaryOperator unary;
    private final DoubleBinaryOperator binary;

    Function(String cName, DoubleUnaryOperator unary) {
        this.cName = cName;
        this.unary = unary;
        this.binary = null;
    }

    Function(String cName, DoubleBinaryOperator binary) {
        this.cName = cName;
        this.unary = null;
        this.binary = binary;
    }

    /** The name in expressions: the enum's, in lower case ({@code abs}, {@code min}, {@code max} included). */
    String exprName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in OpenCL C and CUDA C, where both overload it for float and double. */
    String cName() {
        return cName;
    }

    int arity() {
        return unary != null ? 1 : 2;
    }

    double apply(double x) {
        return unary.applyAsDouble(x);
    }

    double apply(double x, double y) {
        return binary.applyAsDouble(x, y);
    }

    static Optional<Function> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.exprName().equals(name)).findFirst();
    }
}
