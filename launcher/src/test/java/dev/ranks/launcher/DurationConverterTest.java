package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** Every duration option reads a bare number as seconds and takes the same units. */
class DurationConverterTest {
    @Test
    void unitsAndBareNumbers() throws Exception {
        DurationConverter converter = new DurationConverter();

        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
        assertEquals(Duration.ofSeconds(7), converter.convert("7"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5s"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5M"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
    }

    @Test
    void badValuesAreNamedWithWhatWasExpected() {
        DurationConverter positive = new DurationConverter();

        assertTrue(assertThrows(TypeConversionException.class, () -> positive.convert("-1s")).getMessage()
                .startsWith("'-1s' is not a duration: expected a number with an optional unit ms, s, m or h"));
        assertThrows(TypeConversionException.class, () -> positive.convert("5x"));
        assertThrows(TypeConversionException.class, () -> positive.convert("1.s"));
        assertEquals("'0' is zero: expected a positive duration such as 90s",
                assertThrows(TypeConversionException.class, () -> positive.convert("0")).getMessage());
        assertTrue(assertThrows(TypeConversionException.class, () -> positive.convert("597h")).getMessage()
                .startsWith("'597h' is too long: expected at most 2147483647ms"));
    }

    @Test
    void orZeroTakesZero() throws Exception {
        DurationConverter orZero = new DurationConverter.OrZero();

        assertEquals(Duration.ZERO, orZero.convert("0"));
        assertEquals(Duration.ZERO, orZero.convert("0ms"));
        assertEquals(Duration.ofSeconds(5), orZero.convert("5"));
    }

    /** The case: {@code --delay 5} was refused while {@code --timeout 5} was accepted. */
    @Test
    void everyDurationOptionOfEveryCommandReadsABareNumberAsSeconds() throws Exception {
        List<String> checked = new ArrayList<>();
        for (OptionSpec option : durationOptions(Launcher.commandLine())) {
            ITypeConverter<?>[] converters = option.converters();
            assertEquals(1, converters.length, option.longestName());
            assertTrue(converters[0] instanceof DurationConverter, option.longestName() + " of "
                    + option.command().qualifiedName());
            assertEquals(Duration.ofSeconds(5), converters[0].convert("5"), option.longestName());
            assertEquals(Duration.ofMillis(250), converters[0].convert("250ms"), option.longestName());
            checked.add(option.command().qualifiedName(" ") + " " + option.longestName());
        }
        assertTrue(checked.contains("launcher crawl --delay"), checked::toString);
        assertTrue(checked.contains("launcher --timeout"), checked::toString);
        assertFalse(checked.isEmpty());
    }

    @Test
    void crawlDelayAndTimeoutParseTheSameBareNumber() {
        CommandLine launcher = Launcher.commandLine();

        CommandLine.ParseResult parsed = launcher.parseArgs("--timeout", "5", "crawl", "--delay", "5", "http://a.example/");

        assertEquals(Duration.ofSeconds(5), parsed.matchedOptionValue("--timeout", null));
        assertEquals(Duration.ofSeconds(5), parsed.subcommand().matchedOptionValue("--delay", null));
    }

    @Test
    void messagesNameADurationInAFormTheConverterReadsBack() {
        for (String value : new String[] {"90s", "1500ms", "2s", "1ms", "7200s"}) {
            Duration d = new DurationConverter().convert(value);
            assertEquals(value, DurationConverter.describe(d));
            assertEquals(d, new DurationConverter().convert(DurationConverter.describe(d)));
        }
        assertEquals("300s", DurationConverter.describe(Duration.ofMinutes(5)));
    }

    private static List<OptionSpec> durationOptions(CommandLine command) {
        List<OptionSpec> found = new ArrayList<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.type() == Duration.class && !option.inherited()) {
                found.add(option);
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandName().equals(sub.getCommandSpec().name())) {
                found.addAll(durationOptions(sub));
            }
        }
        return found;
    }
}
