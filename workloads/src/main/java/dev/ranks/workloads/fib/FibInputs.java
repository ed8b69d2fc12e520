package dev.ranks.workloads.fib;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Where the fib workload's inputs come from: numbers on the command line, an inputs file, a random
 * batch, or the default batch. Bad input is a {@link RanksException} of class {@link ErrorClass#USAGE}
 * naming the bad token (and the file and line), which the launcher turns into exit code 2.
 */
public final class FibInputs {
    /** The largest input accepted: F(10^8) has 20.9 million digits and takes tens of seconds. */
    public static final int MAX_N = 100_000_000;
    /** The most inputs {@link #random} draws. */
    public static final int MAX_RANDOM = 1_000_000;
    /** The default largest random input, {@code --max}. */
    public static final int DEFAULT_MAX = 1_000_000;
    /** The default seed of the random batch, {@code --seed}, so that a random batch repeats. */
    public static final long DEFAULT_SEED = 1;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final int DEFAULT_STEP = 25_000;
    private static final int DEFAULT_STEPS = 40;
    private static final List<Integer> DEFAULT_SMALL = List.of(0, 1, 2, 10, 93, 100, 1000, 10_000);

    private FibInputs() {
    }

    /**
     * The batch run when no inputs are given: a few small inputs, then the 40 multiples of 25,000 up
     * to 10^6. Their costs differ by a factor of several hundred, which is what makes the partition
     * matter.
     *
     * @return 0, 1, 2, 10, 93, 100, 1000, 10000, 25000, 50000, ..., 1000000
     */
    public static List<Integer> defaults() {
        return Stream.concat(DEFAULT_SMALL.stream(),
                IntStream.rangeClosed(1, DEFAULT_STEPS).mapToObj(k -> k * DEFAULT_STEP)).toList();
    }

    /**
     * Parses inputs given as command-line words.
     *
     * @param tokens the words, each a non-negative integer
     * @return the inputs, in order
     * @throws RanksException ({@link ErrorClass#USAGE}) naming the first token that is not a
     *     non-negative integer up to {@link #MAX_N}
     */
    public static List<Integer> parse(Collection<String> tokens) {
        List<Integer> inputs = new ArrayList<>();
        for (String token : tokens) {
            String problem = problem(token);
            if (problem != null) {
                throw usage("input '" + token + "' " + problem);
            }
            inputs.add(Integer.parseInt(token));
        }
        return inputs;
    }

    /**
     * Reads an inputs file: one or more integers per line, separated by whitespace or commas;
     * {@code #} starts a comment that runs to the end of the line; blank lines are skipped.
     *
     * @param file the file
     * @return the inputs, in order
     * @throws RanksException ({@link ErrorClass#USAGE}) when the file cannot be read, holds no
     *     inputs, or a token is not a non-negative integer up to {@link #MAX_N}, naming the file and
     *     the line
     */
    public static List<Integer> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new RanksException(ErrorClass.USAGE, -1, "inputs file '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.USAGE, -1, "inputs file '" + file + "' cannot be read: " + e, e);
        }
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String data = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (data.isEmpty()) {
                continue;
            }
            for (String token : SEPARATORS.split(data)) {
                String problem = problem(token);
                if (problem != null) {
                    throw usage("inputs file '" + file + "' line " + (i + 1) + ": '" + token + "' " + problem);
                }
                inputs.add(Integer.parseInt(token));
            }
        }
        if (inputs.isEmpty()) {
            throw usage("inputs file '" + file + "' holds no inputs: expected integers separated by whitespace or"
                    + " commas, '#' comments");
        }
        return inputs;
    }

    /**
     * Draws a random batch, uniformly from 0 to {@code max}; the same arguments draw the same batch.
     *
     * @param count how many inputs ({@code --random}), 1 to {@link #MAX_RANDOM}
     * @param max the largest input ({@code --max}), 0 to {@link #MAX_N}
     * @param seed the seed ({@code --seed})
     * @return the inputs
     * @throws RanksException ({@link ErrorClass#USAGE}) naming {@code count} or {@code max} when out of range
     */
    public static List<Integer> random(int count, int max, long seed) {
        if (count < 1 || count > MAX_RANDOM) {
            throw usage("--random " + count + " is invalid: expected a count from 1 to " + MAX_RANDOM);
        }
        if (max < 0 || max > MAX_N) {
            throw usage("--max " + max + " is invalid: expected from 0 to " + MAX_N);
        }
        return new SplittableRandom(seed).ints(count, 0, max + 1).boxed().toList();
    }

    /** @return why a token is no input, or null when it is one */
    private static String problem(String token) {
        if (!DIGITS.matcher(token).matches()) {
            return "is not a non-negative integer";
        }
        String significant = token.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > MAX_N) {
            return "is too large: expected at most " + MAX_N;
        }
        return null;
    }

    private static RanksException usage(String message) {
        return new RanksException(ErrorClass.USAGE, message);
    }
}
