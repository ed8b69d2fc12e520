package dev.ranks.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@link PageRecord}: a writer and a small strict parser (RFC 8259), written here
 * rather than pulled in as a library because a record is a flat object of strings, numbers,
 * booleans and string lists. Output is ASCII-safe where it matters: control characters, lone
 * surrogates and the line separators U+2028/U+2029 are escaped so that a line is always one valid
 * JSON text, whatever a page's title holds.
 */
final class Json {
    private Json() {
    }

    static String write(PageRecord r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"url\":");
        string(sb, r.url());
        sb.append(",\"final_url\":");
        string(sb, r.finalUrl());
        sb.append(",\"status\":").append(r.status());
        sb.append(",\"content_type\":");
        string(sb, r.contentType());
        sb.append(",\"depth\":").append(r.depth());
        sb.append(",\"title\":");
        string(sb, r.title());
        sb.append(",\"links\":");
        list(sb, r.links());
        sb.append(",\"bad_links\":");
        list(sb, r.badLinks());
        sb.append(",\"fetch_ms\":").append(r.fetchMillis());
        sb.append(",\"bytes\":").append(r.bytes());
        sb.append(",\"truncated\":").append(r.truncated());
        sb.append(",\"error_kind\":");
        string(sb, r.errorKind() == null ? null : r.errorKind().label());
        sb.append(",\"error\":");
        string(sb, r.error());
        sb.append(",\"rank\":").append(r.rank());
        return sb.append('}').toString();
    }

    private static void list(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, values.get(i));
        }
        sb.append(']');
    }

    static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0
                                    && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static PageRecord read(String line) {
        if (line == null) {
            throw new RanksException(ErrorClass.ARG, "page record JSON is null");
        }
        Parser p = new Parser(line);
        Object value = p.value();
        p.end();
        if (!(value instanceof Map<?, ?> map)) {
            throw bad(line, "expected a JSON object");
        }
        String kind = str(map, "error_kind", line, false);
        return new PageRecord(str(map, "url", line, true), str(map, "final_url", line, true),
                (int) num(map, "status", line, true), str(map, "content_type", line, false),
                (int) num(map, "depth", line, true), str(map, "title", line, false),
                strings(map, "links", line), strings(map, "bad_links", line),
                num(map, "fetch_ms", line, false), num(map, "bytes", line, false),
                Boolean.TRUE.equals(typed(map, "truncated", Boolean.class, line, false)),
                kind == null ? null : kindOf(kind, line), str(map, "error", line, false),
                (int) num(map, "rank", line, true));
    }

    private static ErrorKind kindOf(String label, String line) {
        try {
            return ErrorKind.fromLabel(label);
        } catch (RanksException e) {
            throw bad(line, e.getMessage());
        }
    }

    private static String str(Map<?, ?> map, String key, String line, boolean required) {
        return typed(map, key, String.class, line, required);
    }

    private static long num(Map<?, ?> map, String key, String line, boolean required) {
        Long n = typed(map, key, Long.class, line, required);
        return n == null ? 0 : n;
    }

    private static List<String> strings(Map<?, ?> map, String key, String line) {
        List<?> raw = typed(map, key, List.class, line, false);
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (Object o : raw) {
                if (!(o instanceof String s)) {
                    throw bad(line, "\"" + key + "\" must hold strings only");
                }
                out.add(s);
            }
        }
        return out;
    }

    private static <T> T typed(Map<?, ?> map, String key, Class<T> type, String line,
            boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                throw bad(line, "missing \"" + key + "\"");
            }
            return null;
        }
        if (!type.isInstance(v)) {
            throw bad(line, "\"" + key + "\" must be a " + type.getSimpleName().toLowerCase());
        }
        return type.cast(v);
    }

    private static RanksException bad(String line, String reason) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return new RanksException(ErrorClass.ARG, "bad page record JSON '" + shown + "': " + reason);
    }

    /** A recursive-descent parser; numbers are read as whole {@code long}s, all a record holds. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            if (i >= s.length()) {
                throw fail("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw fail("unexpected '" + c + "'");
            }
        }

        void end() {
            skip();
            if (i != s.length()) {
                throw fail("trailing characters");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skip();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                skip();
                if (peek() != '"') {
                    throw fail("expected a key");
                }
                String key = string();
                skip();
                expect(':');
                map.put(key, value());
                skip();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw fail("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skip();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                skip();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw fail("expected ',' or ']'");
                }
            }
        }

        private String string() {
            i++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw fail("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw fail("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw fail("bad escape '\\" + e + "'");
                }
            }
        }

        private Long number() {
            int start = i;
            if (peek() == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                throw fail("expected a whole number");
            }
            try {
                return Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw fail("bad number");
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw fail("expected " + word);
            }
            i += word.length();
        }

        private void expect(char c) {
            if (next() != c) {
                throw fail("expected '" + c + "'");
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private char next() {
            if (i >= s.length()) {
                throw fail("unexpected end");
            }
            return s.charAt(i++);
        }

        private void skip() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private RanksException fail(String reason) {
            return bad(s, reason + " at offset " + i);
        }
    }
}
