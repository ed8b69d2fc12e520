package dev.ranks.launcher;

import dev.ranks.hostfiles.MapBy;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --map-by slot|node} in any case, as Open MPI's {@code --map-by} is written in lower case. */
final class MapByConverter implements ITypeConverter<MapBy> {
    @Override
    public MapBy convert(String value) {
        for (MapBy policy : MapBy.values()) {
            if (policy.name().equalsIgnoreCase(value.strip())) {
                return policy;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a mapping policy: expected one of "
                + Arrays.stream(MapBy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }
}
