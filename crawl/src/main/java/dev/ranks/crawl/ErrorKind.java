package dev.ranks.crawl;

import java.util.Locale;

/**
 * Why a page could not be fetched or was only partly fetched. A crawl never stops for a page's
 * failure: the kind and a short reason go on the page's record, and the summary counts pages by
 * kind, so the set is coarse on purpose (what an operator acts on: fix DNS, back off a failing
 * server, raise a limit) rather than one entry per exception class.
 */
public enum ErrorKind {
    /** The host name did not resolve. */
    DNS,
    /** Nothing listened on the port (connection refused or reset before a response). */
    REFUSED,
    /** The connect timeout or the read timeout (whole response, body included) ran out. */
    TIMEOUT,
    /** The TLS handshake failed (bad certificate, protocol mismatch). */
    TLS,
    /** The server answered 4xx; the status is kept on the record. */
    HTTP_4XX,
    /** The server answered 5xx; the status is kept on the record. */
    HTTP_5XX,
    /** The body was longer than the maximum; what was read is kept and parsed. */
    TOO_LARGE,
    /** A redirect led back to a URL already requested in the same chain, hand-offs included. */
    REDIRECT_LOOP,
    /** More redirects than the maximum were needed. */
    TOO_MANY_REDIRECTS,
    /** robots.txt disallows the URL for our user agent; it was never requested. */
    ROBOTS,
    /** The URL (or a redirect's Location) could not be parsed, has an unsupported scheme, or is missing. */
    BAD_URL,
    /** Any other input/output failure. */
    IO;

    /**
     * Gives the name written in JSON output and summaries.
     *
     * @return the lower-case name, for example {@code "dns"} or {@code "http_4xx"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the kind a {@link #label()} names, for reading JSON output back.
     *
     * @param label a label as written by {@link #label()}, in any case
     * @return the kind
     * @throws dev.ranks.comm.RanksException with {@code ErrorClass.ARG} when no kind has that label
     */
    public static ErrorKind fromLabel(String label) {
        for (ErrorKind kind : values()) {
            if (kind.label().equalsIgnoreCase(label)) {
                return kind;
            }
        }
        throw new dev.ranks.comm.RanksException(dev.ranks.comm.ErrorClass.ARG,
                "unknown error kind '" + label + "'; expected one of dns, refused, timeout, tls, "
                        + "http_4xx, http_5xx, too_large, redirect_loop, too_many_redirects, robots, "
                        + "bad_url, io");
    }
}
