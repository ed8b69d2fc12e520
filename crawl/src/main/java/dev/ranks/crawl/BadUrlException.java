package dev.ranks.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;

/**
 * A URL that cannot be parsed or uses a scheme other than http and https. A subclass so that a
 * parser can record the offending href as a bad link and go on, while a seed from the command line
 * still surfaces as an ordinary {@code ErrorClass.ARG} failure.
 */
public final class BadUrlException extends RanksException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param url the URL as given, possibly relative
     * @param reason why it was rejected, short, for a bad-link entry
     */
    public BadUrlException(String url, String reason) {
        this(url, reason, null);
    }

    /**
     * Creates the exception keeping the parser's failure.
     *
     * @param url the URL as given, possibly relative
     * @param reason why it was rejected, short, for a bad-link entry
     * @param cause the underlying parse failure, or null
     */
    public BadUrlException(String url, String reason, Throwable cause) {
        super(ErrorClass.ARG, -1, "bad URL '" + url + "': " + reason, cause);
        this.url = url;
        this.reason = reason;
    }

    /** @return the URL as given */
    public String url() {
        return url;
    }

    /** @return why the URL was rejected, without the URL (for {@code "href: reason"} entries) */
    public String reason() {
        return reason;
    }
}
