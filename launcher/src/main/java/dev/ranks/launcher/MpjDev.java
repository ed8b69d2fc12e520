package dev.ranks.launcher;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The MPJ Express devices {@code --device mpj} can run on, named as MPJ's {@code -dev} names them. */
enum MpjDev {
    /** Every rank a thread of one JVM on this host, each in a class loader of its own. */
    MULTICORE,
    /** One JVM per rank, started by the MPJ daemons of the hosts; TCP between them. */
    NIODEV,
    /** One JVM per host started by its daemon, ranks as its threads; niodev between hosts. */
    HYBDEV;

    /** @return the name MPJ's starter takes after {@code -dev} */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether ranks are started by MPJ daemons on the hosts of a machines file */
    boolean usesDaemons() {
        return this != MULTICORE;
    }

    /** Reads {@code --mpj-dev} in lower case, as MPJ spells its devices. */
    static final class Converter implements ITypeConverter<MpjDev> {
        @Override
        public MpjDev convert(String value) {
            for (MpjDev dev : values()) {
                if (dev.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return dev;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an MPJ Express device: expected one of "
                    + Arrays.stream(values()).map(MpjDev::label).toList());
        }
    }
}
