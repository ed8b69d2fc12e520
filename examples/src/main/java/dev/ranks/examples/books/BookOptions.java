package dev.ranks.examples.books;

import dev.ranks.comm.Comm;
import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the books' programs, {@code --name VALUE} with whole numbers, and the check of the rank
 * count a program is written for. Bad input is a {@link RanksException} of class {@link ErrorClass#USAGE}
 * naming the program, the bad value and what was expected; under {@code launcher run} the job fails
 * with that message (exit code 1).
 */
final class BookOptions {
    private final String program;
    private final Map<String, Long> values;

    private BookOptions(String program, Map<String, Long> values) {
        this.program = program;
        this.values = values;
    }

    /**
     * Parses {@code --name VALUE} pairs.
     *
     * @param program the program's name, for messages
     * @param args the arguments
     * @param defaults each option's name (without {@code --}) and default
     * @return the options
     */
    static BookOptions parse(String program, String[] args, Map<String, Long> defaults) {
        Map<String, Long> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!values.containsKey(name)) {
                throw usage(program + ": unknown argument '" + args[i] + "': expected "
                        + String.join(", ", defaults.keySet().stream().sorted().map(n -> "--" + n + " N").toList()));
            }
            if (i + 1 == args.length) {
                throw usage(program + ": " + args[i] + " needs a value");
            }
            try {
                long value = Long.parseLong(args[i + 1]);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                values.put(name, value);
            } catch (NumberFormatException e) {
                throw usage(program + ": " + args[i] + " '" + args[i + 1] + "' is invalid: expected a whole number, 0 or more");
            }
        }
        return new BookOptions(program, values);
    }

    /** @return the value of option {@code name}, one of the defaults' names */
    long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(program + " has no option --" + name);
        }
        return value;
    }

    /** {@link #get} where the value must be a positive {@code int}. */
    int positiveInt(String name) {
        long value = get(name);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw usage(program + ": --" + name + " " + value + " is invalid: expected 1 to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /**
     * Fails unless the job has as many ranks as the program is written for: every rank throws, so the
     * message is the same whichever rank the launcher reports.
     *
     * @param comm the job's ranks
     * @param min the fewest ranks
     * @param max the most ranks
     * @param program the program's name
     * @param roles what its ranks play, such as {@code rank 0 is the consumer, rank 1 the producer}
     */
    static void requireRanks(Comm comm, int min, int max, String program, String roles) {
        if (comm.size() < min || comm.size() > max) {
            String expected = min == max ? "exactly " + min : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new RanksException(ErrorClass.USAGE, comm.rank(), program + " needs " + expected + " ranks (-n), got "
                    + comm.size() + ": " + roles, null);
        }
    }

    private static RanksException usage(String message) {
        return new RanksException(ErrorClass.USAGE, message);
    }
}
