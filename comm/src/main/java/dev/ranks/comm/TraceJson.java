package dev.ranks.comm;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes Chrome trace events as JSON. A writer of one small fixed shape rather than a JSON
 * library: {@code comm} depends on nothing but its codec, and a trace is only ever written here
 * (tests read it back with Jackson).
 */
final class TraceJson {
    private TraceJson() {
    }

    /** Writes one event of rank {@code rank}'s track; times in microseconds, to the nanosecond. */
    static void event(Writer out, int rank, RankTrace.Event e) throws IOException {
        StringBuilder s = new StringBuilder(160);
        s.append("{\"name\":").append(string(e.name())).append(",\"cat\":\"").append(e.category())
                .append("\",\"ph\":\"").append(e.phase().code).append("\",\"ts\":");
        micros(s, e.start());
        int track = RankTrace.track(rank);
        s.append(",\"pid\":").append(track).append(",\"tid\":").append(track);
        switch (e.phase()) {
            case SPAN -> {
                s.append(",\"dur\":");
                micros(s, e.duration());
                s.append(",\"args\":{");
                int mark = s.length();
                if (e.peerKey() != null) {
                    s.append('"').append(e.peerKey()).append("\":").append(e.peer()).append(',');
                }
                if (e.tag() >= 0) {
                    s.append("\"tag\":").append(e.tag()).append(',');
                }
                if (e.value() >= 0) {
                    s.append("\"bytes\":").append(e.value()).append(',');
                }
                if (e.algorithm() != null) {
                    s.append("\"algorithm\":").append(string(e.algorithm())).append(',');
                }
                if (e.error() != null) {
                    s.append("\"error\":").append(string(e.error())).append(',');
                }
                if (s.length() > mark) {
                    s.setLength(s.length() - 1);
                }
                s.append('}');
            }
            case FLOW_START -> s.append(",\"id\":").append(e.value());
            case FLOW_END -> s.append(",\"id\":").append(e.value()).append(",\"bp\":\"e\"");
            case ASYNC_BEGIN -> {
                s.append(",\"id\":").append(e.value());
                if (e.algorithm() != null) {
                    s.append(",\"args\":{\"algorithm\":").append(string(e.algorithm())).append('}');
                }
            }
            case ASYNC_END -> s.append(",\"id\":").append(e.value());
        }
        out.write(s.append('}').toString());
    }

    private static void micros(StringBuilder s, long nanos) {
        if (nanos < 0) {
            s.append('-');
            nanos = -nanos;
        }
        s.append(nanos / 1000).append('.');
        long frac = nanos % 1000;
        s.append(frac < 100 ? frac < 10 ? "00" : "0" : "").append(frac);
    }

    /** @return {@code text} as a JSON string literal */
    static String string(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
