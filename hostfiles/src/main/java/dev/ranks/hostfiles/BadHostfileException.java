package dev.ranks.hostfiles;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * A hostfile could not be parsed. The message starts with the file and line in the
 * {@code file:line:} form compilers use, then names the offending text and what was expected,
 * for example {@code hosts.txt:3: bad slot count 'abc' in "node01 slots=abc": expected a positive
 * integer}. A problem with the file as a whole (it names no hosts) has line 0.
 */
public final class BadHostfileException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * Creates an exception for one line of a hostfile, or for the whole file when {@code line} is 0.
     *
     * @param file the hostfile's display name
     * @param line the 1-based line number, or 0 when the problem is not on one line
     * @param detail what is wrong, naming the offending text and what was expected
     */
    public BadHostfileException(String file, int line, String detail) {
        super(ErrorClass.HOSTFILE, -1, (line > 0 ? file + ":" + line : file) + ": " + detail, null);
        this.file = file;
        this.line = line;
    }

    /** @return the hostfile's display name, as given to the parser */
    public String file() {
        return file;
    }

    /** @return the 1-based number of the offending line, or 0 when the problem is not on one line */
    public int line() {
        return line;
    }
}
