package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {
    private final UrlNormalizer plain = new UrlNormalizer(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP://Example.COM|http://example.com/",
        "http://example.com:80/a|http://example.com/a",
        "https://example.com:443/a|https://example.com/a",
        "http://example.com:443/a|http://example.com:443/a",
        "https://example.com:8443|https://example.com:8443/",
        "http://example.com/a#frag|http://example.com/a",
        "http://example.com/a/./b/../c|http://example.com/a/c",
        "http://example.com/../../a|http://example.com/a",
        "http://example.com/a/b/..|http://example.com/a/",
        "http://example.com/a/.|http://example.com/a/",
        "http://example.com/%7euser/%2dx|http://example.com/~user/-x",
        "http://example.com/a%2fb%3a|http://example.com/a%2Fb%3A",
        "http://example.com/a b|http://example.com/a%20b",
        "http://example.com/caf\u00e9|http://example.com/caf%C3%A9",
        "http://example.com/100%|http://example.com/100%25",
        "http://example.com/?|http://example.com/",
        "http://example.com/p?b=2&a=1|http://example.com/p?b=2&a=1",
        "http://example.com:/x|http://example.com/x",
        "http://example.com.:8080/|http://example.com:8080/",
        "  http://example.com/x  |http://example.com/x",
        "http:\\\\example.com\\a\\b|http://example.com/a/b",
        "http://b\u00fccher.example/|http://xn--bcher-kva.example/",
        "http://[::1]:8080/a|http://[::1]:8080/a",
        "http://user@example.com/|http://user@example.com/",
        "http://example.com/%2e%2e/x|http://example.com/x",
    })
    void normalizes(String in, String expected) {
        assertEquals(expected, plain.normalize(in));
    }

    @Test
    void tabsAndNewlinesInsideAreDropped() {
        assertEquals("http://example.com/ab", plain.normalize("http://exa\tmple.com/a\nb"));
    }

    @Test
    void stripsParamsByGlobKeepingOthersInOrder() {
        UrlNormalizer n = new UrlNormalizer(List.of("utm_*", "sessionid", "x?"));
        assertEquals("http://e.com/p?b=2&a=1&xyz=3",
                n.normalize("http://e.com/p?utm_source=s&b=2&sessionid=9&a=1&xy=0&xyz=3&utm_medium"));
        assertEquals("http://e.com/p", n.normalize("http://e.com/p?utm_source=s&sessionid=1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://e.com/a/b/c|d|http://e.com/a/b/d",
        "http://e.com/a/b/c|../d|http://e.com/a/d",
        "http://e.com/a/b/c|/d?x=1#f|http://e.com/d?x=1",
        "http://e.com/a/b/c?q=1|?y=2|http://e.com/a/b/c?y=2",
        "http://e.com/a/b/c?q=1|#top|http://e.com/a/b/c?q=1",
        "http://e.com/a/b/c?q=1|''|http://e.com/a/b/c?q=1",
        "https://e.com/a|//other.com/x|https://other.com/x",
        "http://e.com/a|HTTPS://Other.com:443/|https://other.com/",
        "http://e.com/a/b|http:c|http://e.com/a/c",
        "http://e.com|x|http://e.com/x",
        "http://e.com/a/|./|http://e.com/a/",
        "http://e.com/a/b|..\\c|http://e.com/c",
    })
    void resolvesReferences(String base, String href, String expected) {
        assertEquals(expected, plain.resolve(base, href.equals("''") ? "" : href));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://e.com/x", "http://", "http://:80/", "http://exa mple.com/",
        "http://e.com:99999/", "http://e.com:8x/", "http://[::1/", "http://a..b/", "noscheme/x"})
    void rejectsBadUrlsNamingThem(String url) {
        BadUrlException e = assertThrows(BadUrlException.class, () -> plain.normalize(url));
        assertEquals(url, e.url());
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void resolveRejectsOtherSchemes() {
        BadUrlException e = assertThrows(BadUrlException.class,
                () -> plain.resolve("http://e.com/", "ftp://files.e.com/x"));
        assertTrue(e.reason().contains("ftp"), e.reason());
    }

    @Test
    void hostKeyAlwaysNamesThePort() {
        assertEquals("example.com:443", UrlNormalizer.hostKey("https://example.com/a"));
        assertEquals("example.com:80", UrlNormalizer.hostKey("http://example.com/a"));
        assertEquals("127.0.0.1:8080", UrlNormalizer.hostKey("http://127.0.0.1:8080/x?y"));
        assertEquals("[::1]:80", UrlNormalizer.hostKey("http://[::1]/"));
    }

    @Test
    void robotsHelpers() {
        assertEquals("http://e.com:81/robots.txt", UrlNormalizer.robotsUrl("http://e.com:81/a/b?c"));
        assertEquals("/a/b?c=1", UrlNormalizer.pathAndQuery("http://e.com/a/b?c=1"));
        assertEquals("/", UrlNormalizer.pathAndQuery("http://e.com/"));
    }

    @Test
    void seedNormalizesGoodInput() {
        assertEquals("https://example.com/", plain.seed("https://EXAMPLE.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "example.com", "http://", "http://bad host/", " "})
    void seedRejectsBadInputWithArg(String raw) {
        RanksException e = assertThrows(RanksException.class, () -> plain.seed(raw));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("'" + raw + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        assertEquals(e.getMessage().indexOf("expected"), e.getMessage().lastIndexOf("expected"),
                () -> "says 'expected' once: " + e.getMessage());
    }

    @Test
    void seedMessagesSayWhatWasExpectedOnce() {
        assertEquals("seed URL 'ftp://example.com/' is invalid: unsupported scheme 'ftp'; expected http or https",
                assertThrows(RanksException.class, () -> plain.seed("ftp://example.com/")).getMessage());
        assertEquals("seed URL 'example.com' is invalid: no scheme; expected an absolute http or https URL"
                + " (did you mean http://example.com ?)",
                assertThrows(RanksException.class, () -> plain.seed("example.com")).getMessage());
        assertEquals("seed URL 'http://' is invalid: no host; expected an absolute http or https URL",
                assertThrows(RanksException.class, () -> plain.seed("http://")).getMessage());
    }

    @Test
    void seedWithoutSchemeSuggestsOne() {
        RanksException e = assertThrows(RanksException.class, () -> plain.seed("example.com/x"));
        assertTrue(e.getMessage().contains("http://example.com/x"), e.getMessage());
    }
}
