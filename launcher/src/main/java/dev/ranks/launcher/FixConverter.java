package dev.ranks.launcher;

import dev.ranks.workloads.recipes.Deadlock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --fix} by the lower-case name of a {@link Deadlock.Fix}. */
final class FixConverter implements ITypeConverter<Deadlock.Fix> {
    @Override
    public Deadlock.Fix convert(String value) {
        for (Deadlock.Fix fix : Deadlock.Fix.values()) {
            if (name(fix).equals(value)) {
                return fix;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a fix: expected one of "
                + Arrays.stream(Deadlock.Fix.values()).map(FixConverter::name).collect(Collectors.joining(", ")));
    }

    private static String name(Deadlock.Fix fix) {
        return fix.name().toLowerCase(Locale.ROOT);
    }
}
