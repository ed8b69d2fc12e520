package dev.ranks.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option of the launcher the same way: a number with an optional unit ms, s, m
 * or h, such as 500ms, 1.5s, 5m or 90; a bare number is seconds, as for timeout(1), sleep(1) and
 * Scrapy's {@code DOWNLOAD_DELAY}. This converter wants a positive duration (timeouts, waits);
 * {@link OrZero} also takes zero (the crawler's {@code --delay 0}). At most {@link #MAX}.
 */
class DurationConverter implements ITypeConverter<Duration> {
    /** The longest duration any option takes: {@code Integer.MAX_VALUE} milliseconds, about 24.8 days. */
    static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(ms|s|m|h)?");

    private final boolean zeroAllowed;

    /** A converter of positive durations. */
    DurationConverter() {
        this(false);
    }

    private DurationConverter(boolean zeroAllowed) {
        this.zeroAllowed = zeroAllowed;
    }

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: expected a number with an optional"
                    + " unit ms, s, m or h, such as 200ms, 1.5s or 5m (a bare number is seconds)");
        }
        double millis = Double.parseDouble(m.group(1)) * switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60e3;
            case "h" -> 3600e3;
            default -> 1e3;
        };
        if (millis > MAX.toMillis()) {
            throw new TypeConversionException("'" + value + "' is too long: expected at most " + MAX.toMillis()
                    + "ms (about 24 days)");
        }
        Duration duration = Duration.ofNanos(Math.round(millis * 1e6));
        if (duration.isZero() && !zeroAllowed) {
            throw new TypeConversionException("'" + value + "' is zero: expected a positive duration such as 90s");
        }
        return duration;
    }

    /**
     * Writes a duration as the launcher's messages name it, in the form this converter reads.
     *
     * @param d a duration
     * @return whole seconds as {@code 90s}, anything else in milliseconds, such as {@code 1500ms}
     */
    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Reads a duration that may be zero, such as the crawler's {@code --delay 0}. */
    static final class OrZero extends DurationConverter {
        /** A converter of durations of zero or more. */
        OrZero() {
            super(true);
        }
    }
}
