package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRecordTest {
    @Test
    void fullRecordRoundTripsWithEscapesAndUnicode() {
        PageRecord r = new PageRecord("http://e.com/a?q=\"x\"", "http://e.com/b", 200,
                "text/html", 3, "Caf\u00e9 \"quoted\" \\ back\nline\ttab \u0001 \u2028 \ud83d\ude00 \ud800",
                List.of("http://e.com/1", "http://e.com/\u00e9"), List.of("http://bad host/: bad host"),
                123, 4567, true, ErrorKind.TOO_LARGE, "body cut at 10 bytes", 2);
        String json = r.toJson();
        assertFalse(json.contains("\n"), json);
        assertFalse(json.contains("\u2028"), json);
        assertTrue(json.startsWith("{\"url\":"), json);
        assertTrue(json.contains("\"error_kind\":\"too_large\""), json);
        assertEquals(r, PageRecord.fromJson(json));
    }

    @Test
    void nullsWrittenAsNullAndReadBack() {
        PageRecord r = new PageRecord("http://e.com/", "http://e.com/", 0, null, 0, null, List.of(),
                List.of(), 0, 0, false, null, null, 0);
        String json = r.toJson();
        assertEquals("{\"url\":\"http://e.com/\",\"final_url\":\"http://e.com/\",\"status\":0,"
                + "\"content_type\":null,\"depth\":0,\"title\":null,\"links\":[],\"bad_links\":[],"
                + "\"fetch_ms\":0,\"bytes\":0,\"truncated\":false,\"error_kind\":null,\"error\":null,"
                + "\"rank\":0}", json);
        assertEquals(r, PageRecord.fromJson(json));
    }

    @Test
    void readsWhitespaceKeyOrderAndEscapesOfOtherWriters() {
        PageRecord r = PageRecord.fromJson(" { \"rank\" : 1, \"depth\": 2, \"status\": 404,"
                + " \"final_url\": \"http:\\/\\/e.com\\/x\", \"url\": \"http://e.com/\\u0078\","
                + " \"error_kind\": \"HTTP_4XX\", \"error\": \"HTTP 404\", \"extra\": [1, {\"a\": null}] } ");
        assertEquals("http://e.com/x", r.url());
        assertEquals("http://e.com/x", r.finalUrl());
        assertEquals(ErrorKind.HTTP_4XX, r.errorKind());
        assertEquals(List.of(), r.links());
        assertEquals(1, r.rank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"url\":\"x\"}", "{\"url\":1,\"final_url\":\"x\",\"status\":0,\"depth\":0,\"rank\":0}",
        "{\"url\":\"x\",\"final_url\":\"x\",\"status\":0.5,\"depth\":0,\"rank\":0}",
        "{\"url\":\"x\",\"final_url\":\"x\",\"status\":0,\"depth\":0,\"rank\":0} x",
        "{\"url\":\"x\",\"final_url\":\"x\",\"status\":0,\"depth\":0,\"rank\":0,\"error_kind\":\"nope\"}",
        "{\"url\":\"\\q\"}", "{\"url\":\"x\",\"final_url\":\"x\",\"status\":0,\"depth\":0,\"rank\":0,\"links\":[1]}"})
    void badInputIsArg(String line) {
        RanksException e = assertThrows(RanksException.class, () -> PageRecord.fromJson(line));
        assertEquals(ErrorClass.ARG, e.errorClass());
    }

    @Test
    void withRankAndLabels() {
        PageRecord r = new PageRecord("http://e.com/", "http://e.com/", 200, "text/html", 0, "t",
                List.of(), List.of(), 1, 1, false, null, null, 0);
        assertEquals(5, r.withRank(5).rank());
        assertEquals("t", r.withRank(5).title());
        assertEquals("redirect_loop", ErrorKind.REDIRECT_LOOP.label());
        for (ErrorKind k : ErrorKind.values()) {
            assertEquals(k, ErrorKind.fromLabel(k.label()));
        }
    }
}
