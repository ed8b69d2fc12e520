package dev.ranks.launcher;

import dev.ranks.collectives.Op;
import dev.ranks.workloads.bench.CollectiveBench;
import dev.ranks.workloads.recipes.Reduce;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --op} by the name of a built-in {@link Op}, ignoring case, among the operations a
 * command offers; one subclass per command, since picocli builds converters from their class.
 */
abstract class OpConverter implements ITypeConverter<Op> {
    private final String command;
    private final List<Op> offered;
    private final String withheld;

    OpConverter(String command, List<Op> offered, String withheld) {
        this.command = command;
        this.offered = offered;
        this.withheld = withheld;
    }

    @Override
    public final Op convert(String value) {
        String wanted = value.strip();
        for (Op op : offered) {
            if (op.name().equalsIgnoreCase(wanted)) {
                return op;
            }
        }
        boolean builtIn = Op.builtIns().stream().anyMatch(op -> op.name().equalsIgnoreCase(wanted));
        throw new TypeConversionException("'" + value + "' is not an op for " + command
                + (builtIn ? " (" + withheld + ")" : "") + ": expected one of "
                + offered.stream().map(op -> op.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The operations of {@code launcher reduce}: {@link Reduce#OPS}. */
    static final class ForReduce extends OpConverter {
        ForReduce() {
            super("reduce", Reduce.OPS, "maxloc and minloc read (value, index) pairs, which this recipe does not send");
        }
    }

    /** The operations of {@code launcher bench allreduce}: {@link CollectiveBench#ALLREDUCE_OPS}. */
    static final class ForAllreduce extends OpConverter {
        ForAllreduce() {
            super("bench allreduce", CollectiveBench.ALLREDUCE_OPS, "the benchmark reduces double arrays, which "
                    + "only sum, prod, max and min apply to");
        }
    }
}
