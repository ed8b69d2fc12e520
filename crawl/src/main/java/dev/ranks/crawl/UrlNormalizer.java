package dev.ranks.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of one URL into one string, so that a crawl fetches each page once and
 * its link graph has one node per page.
 *
 * <p>Rules, in the spirit of RFC 3986 §6 and of crawler4j's and Scrapy's canonicalisers: scheme
 * and host lower case; international host names converted to ASCII (punycode); the default port
 * (80 for http, 443 for https) dropped; the fragment dropped (it never reaches the server); an
 * empty path becomes {@code /}; {@code .} and {@code ..} segments resolved; percent-encoding
 * normalised (hex upper case, encoded unreserved characters {@code A-Z a-z 0-9 - . _ ~} decoded,
 * characters a request line cannot carry, such as spaces and non-ASCII, encoded as UTF-8); query
 * parameters whose names match a {@code stripParams} glob removed (the rest kept in order, so that
 * servers that care about order still get what the page linked); an empty query dropped. Like
 * browsers, backslashes count as slashes and tabs and newlines inside a URL are ignored. Only http
 * and https URLs are accepted: a crawler cannot fetch anything else.
 *
 * <p>Query parameters are not sorted, unlike some canonicalisers: sorting merges URLs that a
 * server may well treat differently, and a page's own links already spell a URL consistently.
 */
public final class UrlNormalizer {
    private static final String HEX = "0123456789ABCDEF";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final List<Pattern> stripParams;

    /**
     * Creates a normaliser.
     *
     * @param stripParams glob patterns ({@code *}: any run of characters, {@code ?}: one
     *     character) of query parameter names to remove, such as {@code utm_*}
     */
    public UrlNormalizer(List<String> stripParams) {
        List<Pattern> globs = new ArrayList<>();
        for (String glob : stripParams) {
            globs.add(glob(glob));
        }
        this.stripParams = List.copyOf(globs);
    }

    /**
     * Normalises an absolute URL.
     *
     * @param absoluteUrl an absolute http or https URL
     * @return the normalised URL
     * @throws BadUrlException for a malformed URL or a scheme other than http/https
     */
    public String normalize(String absoluteUrl) {
        if (absoluteUrl == null) {
            throw new BadUrlException("null", "no URL");
        }
        String s = clean(absoluteUrl);
        Parts p = split(absoluteUrl, s);
        return assemble(absoluteUrl, p);
    }

    /**
     * Resolves a reference against a base (RFC 3986 §5.2, with browsers' leniency) and
     * normalises the result.
     *
     * @param base an absolute URL, such as a page's final URL or its {@code <base href>}
     * @param href a reference, absolute or relative
     * @return the normalised absolute URL
     * @throws BadUrlException for a malformed result or a scheme other than http/https
     */
    public String resolve(String base, String href) {
        if (href == null) {
            throw new BadUrlException("null", "no URL");
        }
        String ref = clean(href).replace('\\', '/');
        Parts b = split(base, clean(base));
        Matcher m = SCHEME.matcher(ref);
        if (m.find()) {
            String scheme = ref.substring(0, m.end() - 1).toLowerCase(Locale.ROOT);
            String rest = ref.substring(m.end());
            if (!scheme.equals(b.scheme) || rest.startsWith("/")) {
                return normalize(ref);
            }
            // "http:page.html" on an http page is relative in browsers (WHATWG URL).
            ref = rest;
        }
        if (ref.startsWith("//")) {
            return normalize(b.scheme + ":" + ref);
        }
        int hash = ref.indexOf('#');
        if (hash >= 0) {
            ref = ref.substring(0, hash);
        }
        int q = ref.indexOf('?');
        String refPath = q >= 0 ? ref.substring(0, q) : ref;
        String refQuery = q >= 0 ? ref.substring(q + 1) : null;
        String path;
        String query;
        if (refPath.isEmpty()) {
            path = b.path;
            query = refQuery != null ? refQuery : b.query;
        } else if (refPath.startsWith("/")) {
            path = refPath;
            query = refQuery;
        } else {
            String basePath = b.path.isEmpty() ? "/" : b.path;
            path = basePath.substring(0, basePath.lastIndexOf('/') + 1) + refPath;
            query = refQuery;
        }
        Parts r = new Parts(b.scheme, b.userInfo, b.host, b.port, path, query);
        return assemble(href, r);
    }

    /**
     * Gives the key a host is owned by: the unit of politeness, of robots.txt and of partitioning
     * a crawl over ranks. The port is always explicit so that one server on two ports counts as two
     * hosts, as robots.txt does (RFC 9309 §2.3: rules apply to one scheme, host and port).
     *
     * @param normalizedUrl a normalised URL
     * @return {@code host:port}, for example {@code example.com:443} or {@code 127.0.0.1:8080}
     * @throws BadUrlException when the URL is not an http or https URL
     */
    public static String hostKey(String normalizedUrl) {
        Parts p = split(normalizedUrl, normalizedUrl);
        int port = p.port >= 0 ? p.port : defaultPort(p.scheme);
        return p.host + ":" + port;
    }

    /**
     * Gives the host of a normalised URL.
     *
     * @param normalizedUrl a normalised URL
     * @return its host, lower case ASCII
     */
    static String host(String normalizedUrl) {
        return split(normalizedUrl, normalizedUrl).host.toLowerCase(Locale.ROOT);
    }

    /**
     * Gives what robots.txt rules are matched against: the path and query of a normalised URL.
     *
     * @param normalizedUrl a normalised URL
     * @return the path, with {@code ?} and the query when there is one
     */
    static String pathAndQuery(String normalizedUrl) {
        Parts p = split(normalizedUrl, normalizedUrl);
        return p.query == null ? p.path : p.path + "?" + p.query;
    }

    /**
     * Gives the address of a URL's robots.txt.
     *
     * @param normalizedUrl a normalised URL
     * @return {@code scheme://host[:port]/robots.txt}
     */
    static String robotsUrl(String normalizedUrl) {
        Parts p = split(normalizedUrl, normalizedUrl);
        return p.scheme + "://" + p.host + (p.port >= 0 ? ":" + p.port : "") + "/robots.txt";
    }

    /**
     * Validates and normalises a seed from the command line.
     *
     * @param raw the seed as typed
     * @return the normalised seed
     * @throws RanksException with {@code ErrorClass.ARG} naming the seed and what was expected
     */
    public String seed(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RanksException(ErrorClass.ARG, "seed URL '" + raw
                    + "' is empty; expected an absolute http or https URL such as https://example.com/");
        }
        String hint = raw.contains("://") ? "" : " (did you mean http://" + raw.trim() + " ?)";
        try {
            return normalize(raw);
        } catch (BadUrlException e) {
            // Reasons about the scheme say what was expected themselves; the others get it added.
            String expected = e.reason().contains("; expected ") ? "" : "; expected an absolute http or https URL";
            throw new RanksException(ErrorClass.ARG, -1, "seed URL '" + raw + "' is invalid: "
                    + e.reason() + expected + hint, e);
        }
    }

    /**
     * Normalises percent-encoding in a path or query: valid escapes get upper-case hex and are
     * decoded when they stand for an unreserved character; a {@code %} starting no valid escape
     * becomes {@code %25}; characters outside what a request line may carry are encoded as UTF-8.
     * robots.txt patterns go through the same function so that they compare octet for octet with
     * URLs, as RFC 9309 §2.2.2 asks.
     *
     * @param s a path or query, possibly with {@code *} and {@code $} of robots patterns
     * @return the normalised text
     */
    static String normalizeEncoding(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                    int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                    if (isUnreserved((char) v)) {
                        sb.append((char) v);
                    } else {
                        sb.append('%').append(HEX.charAt(v >> 4)).append(HEX.charAt(v & 15));
                    }
                    i += 2;
                } else {
                    sb.append("%25");
                }
            } else if (isAllowed(c)) {
                sb.append(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length()
                        && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX.charAt((b >> 4) & 15)).append(HEX.charAt(b & 15));
                }
                i = end - 1;
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Characters {@link java.net.URI} takes unencoded in a path or query; others get encoded. */
    private static boolean isAllowed(char c) {
        return isUnreserved(c) || (c < 0x80 && "!*'();/?:@&=+$,".indexOf(c) >= 0);
    }

    /** Drops what browsers drop: surrounding blanks and controls, and tabs and newlines anywhere. */
    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        String s = raw.substring(start, end);
        if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = s.replace("\t", "").replace("\n", "").replace("\r", "");
        }
        return s;
    }

    /** The parts of an absolute URL; host lower case ASCII, port -1 when absent or default. */
    private record Parts(String scheme, String userInfo, String host, int port, String path,
            String query) {
    }

    private static Parts split(String original, String s) {
        Matcher m = SCHEME.matcher(s);
        if (!m.find()) {
            throw new BadUrlException(original, "no scheme; expected an absolute http or https URL");
        }
        String scheme = s.substring(0, m.end() - 1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadUrlException(original, "unsupported scheme '" + scheme + "'; expected http or https");
        }
        int i = m.end();
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
            i++;
        }
        int authEnd = i;
        while (authEnd < s.length() && "/\\?#".indexOf(s.charAt(authEnd)) < 0) {
            authEnd++;
        }
        String authority = s.substring(i, authEnd);
        String rest = s.substring(authEnd);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        String path = (q >= 0 ? rest.substring(0, q) : rest).replace('\\', '/');
        String query = q >= 0 ? rest.substring(q + 1) : null;

        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String hostPart = authority;
        String portPart = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new BadUrlException(original, "unclosed IPv6 address '" + authority + "'");
            }
            hostPart = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portPart = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new BadUrlException(original, "unexpected '" + after + "' after IPv6 address");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                hostPart = authority.substring(0, colon);
                portPart = authority.substring(colon + 1);
            }
        }
        String host = host(original, hostPart);
        int port = -1;
        if (portPart != null && !portPart.isEmpty()) {
            if (!portPart.chars().allMatch(c -> c >= '0' && c <= '9') || portPart.length() > 5
                    || Integer.parseInt(portPart) > 65535) {
                throw new BadUrlException(original, "port '" + portPart + "' is not a number from 0 to 65535");
            }
            port = Integer.parseInt(portPart);
            if (port == defaultPort(scheme)) {
                port = -1;
            }
        }
        return new Parts(scheme, userInfo, host, port, path, query);
    }

    private static String host(String original, String raw) {
        if (raw.isEmpty()) {
            throw new BadUrlException(original, "no host");
        }
        if (raw.startsWith("[")) {
            String inner = raw.substring(1, raw.length() - 1).toLowerCase(Locale.ROOT);
            if (inner.isEmpty() || !inner.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw new BadUrlException(original, "bad IPv6 address '" + raw + "'");
            }
            return "[" + inner + "]";
        }
        String h = raw;
        if (h.indexOf('%') >= 0) {
            h = percentDecode(original, h);
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new BadUrlException(original, "bad host '" + raw + "': " + e.getMessage(), e);
        }
        if (h.isEmpty() || h.startsWith(".") || h.contains("..")
                || !h.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_')) {
            throw new BadUrlException(original, "bad host '" + raw + "'");
        }
        return h;
    }

    private static String percentDecode(String original, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c == '%') {
                throw new BadUrlException(original, "bad percent-escape in host");
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String assemble(String original, Parts p) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(p.scheme).append("://");
        if (p.userInfo != null) {
            sb.append(normalizeEncoding(p.userInfo)).append('@');
        }
        sb.append(p.host);
        if (p.port >= 0) {
            sb.append(':').append(p.port);
        }
        String path = removeDotSegments(normalizeEncoding(p.path.isEmpty() ? "/" : p.path));
        sb.append(path.isEmpty() ? "/" : path);
        if (p.query != null) {
            String query = stripParams(normalizeEncoding(p.query));
            if (!query.isEmpty()) {
                sb.append('?').append(query);
            }
        }
        return sb.toString();
    }

    private String stripParams(String query) {
        if (stripParams.isEmpty()) {
            return query;
        }
        StringBuilder sb = new StringBuilder(query.length());
        for (String param : query.split("&", -1)) {
            int eq = param.indexOf('=');
            String name = eq >= 0 ? param.substring(0, eq) : param;
            if (stripParams.stream().anyMatch(g -> g.matcher(name).matches())) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(param);
        }
        return sb.toString();
    }

    /** RFC 3986 §5.2.4; a path always starts with "/" here, so the result does too. */
    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
