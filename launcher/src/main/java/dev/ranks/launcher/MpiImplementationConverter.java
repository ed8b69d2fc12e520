package dev.ranks.launcher;

import dev.ranks.comm.RanksException;
import dev.ranks.mpi.MpiImplementation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mpi openmpi|mpich}, as {@link MpiImplementation#parse(String)} does, as a usage error when bad. */
final class MpiImplementationConverter implements ITypeConverter<MpiImplementation> {
    @Override
    public MpiImplementation convert(String value) {
        try {
            return MpiImplementation.parse(value);
        } catch (RanksException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
