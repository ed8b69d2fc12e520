package dev.ranks.hostfiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads hostfile lines in the Open MPI, MPICH and plain formats; see {@link Hostfile}. */
final class HostfileParser {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    // Open MPI's lexer accepts "slots = 4"; joining the pieces lets one split on whitespace.
    private static final Pattern SPACED_EQUALS = Pattern.compile("\\s*=\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String HOST_NAME_EXPECTED = "letters, digits, '-', '.' and '_', or an IPv4 address";

    private final String file;
    private final List<HostEntry> entries = new ArrayList<>();
    private long totalSlots;
    private int lineNumber;
    private String text;

    private HostfileParser(String file) {
        this.file = file;
    }

    static Hostfile parse(String file, BufferedReader reader) throws IOException {
        HostfileParser parser = new HostfileParser(file);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            parser.lineNumber++;
            parser.parseLine(line);
        }
        if (parser.entries.isEmpty()) {
            throw new BadHostfileException(file, 0, "no hosts found, only blank lines and comments:"
                    + " expected at least one line such as \"node01 slots=4\", \"node01:4\" or \"node01\"");
        }
        return Hostfile.of(file, parser.entries);
    }

    private void parseLine(String line) {
        int hash = line.indexOf('#');
        text = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (text.isEmpty()) {
            return;
        }
        String[] tokens = WHITESPACE.split(SPACED_EQUALS.matcher(text).replaceAll("="));
        String first = tokens[0];
        if (first.contains("=")) {
            throw fail("missing host name before '" + first + "'", "a host name first, as in \"node01 slots=4\"");
        }
        int colon = first.indexOf(':');
        if (colon >= 0) {
            parseMpich(first.substring(0, colon), first.substring(colon + 1), tokens);
        } else {
            parseOpenMpi(first, tokens);
        }
    }

    private void parseMpich(String host, String count, String[] tokens) {
        checkHostName(host);
        int slots = positive("slot count", count);
        if (tokens.length > 1) {
            throw fail("unexpected '" + tokens[1] + "' after '" + tokens[0] + "'",
                    "nothing after host:count; write \"" + host + " slots=" + slots
                    + " max_slots=M\" to cap oversubscription");
        }
        add(host, slots, OptionalInt.empty());
    }

    private void parseOpenMpi(String host, String[] tokens) {
        checkHostName(host);
        OptionalInt slots = OptionalInt.empty();
        OptionalInt maxSlots = OptionalInt.empty();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int equals = token.indexOf('=');
            if (equals < 0) {
                throw fail("unexpected '" + token + "' after host '" + host + "'",
                        "slots=N or max_slots=N after the host name, which cannot contain spaces");
            }
            String key = token.substring(0, equals);
            String value = token.substring(equals + 1);
            switch (key) {
                case "slots" -> slots = once(slots, key, positive("slot count", value));
                case "max_slots", "max-slots" -> maxSlots = once(maxSlots, key, positive(key + " count", value));
                default -> throw fail("unknown key '" + key + "'", "slots, max_slots or max-slots");
            }
        }
        int slotCount = slots.orElse(1);
        if (maxSlots.isPresent() && maxSlots.getAsInt() < slotCount) {
            throw fail("max_slots " + maxSlots.getAsInt() + " is less than slots " + slotCount,
                    "max_slots of at least the slot count");
        }
        add(host, slotCount, maxSlots);
    }

    private OptionalInt once(OptionalInt previous, String key, int value) {
        if (previous.isPresent()) {
            throw fail("'" + key + "' given twice", "each key at most once per line");
        }
        return OptionalInt.of(value);
    }

    private void checkHostName(String host) {
        if (host.isEmpty()) {
            throw fail("missing host name", HOST_NAME_EXPECTED);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw fail("bad host name '" + host + "'", HOST_NAME_EXPECTED);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches() && !IPV4.matcher(host).matches()) {
            throw fail("bad IPv4 address '" + host + "'", "four numbers from 0 to 255 separated by dots");
        }
    }

    private int positive(String what, String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                int count = Integer.parseInt(value);
                if (count > 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                throw fail(what + " '" + value + "' is too large", "at most " + Integer.MAX_VALUE);
            }
        }
        throw fail("bad " + what + " '" + value + "'", "a positive integer");
    }

    private void add(String host, int slots, OptionalInt maxSlots) {
        totalSlots += slots;
        if (totalSlots > Integer.MAX_VALUE) {
            throw fail("slots add up to " + totalSlots + " at this line", "at most " + Integer.MAX_VALUE + " in all");
        }
        entries.add(new HostEntry(host, slots, maxSlots));
    }

    private BadHostfileException fail(String problem, String expected) {
        return new BadHostfileException(file, lineNumber, problem + " in \"" + text + "\": expected " + expected);
    }
}
