package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {
    private final ByteSizeConverter converter = new ByteSizeConverter();

    @ParameterizedTest
    @CsvSource({"0, 0", "65536, 65536", "64k, 65536", "64K, 65536", "1m, 1048576", "16M, 16777216", "1g, 1073741824",
        "2147483647, 2147483647"})
    void readsDigitsWithASuffix(String value, int bytes) {
        assertEquals(bytes, converter.convert(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "-1", "1.5m", "64kb", "12x", "0x10"})
    void rejectsWhatIsNotAByteCount(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(value));

        assertEquals("'" + value + "' is not a byte count: expected digits with an optional k, m or g suffix, "
                + "such as 65536 or 64k", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2g", "2147483648", "99999999999999999999", "9999999999g"})
    void rejectsWhatDoesNotFitAnInt(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(value));

        assertEquals("'" + value + "' is too large: expected at most 2147483647 bytes (2g - 1)", e.getMessage());
    }
}
