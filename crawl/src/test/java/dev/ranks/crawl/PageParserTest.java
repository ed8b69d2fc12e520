package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageParserTest {
    private static final String PAGE = "http://e.com/dir/page.html";

    private static PageParser.Parsed parse(CrawlOptions options, String html) {
        PageParser p = new PageParser(options, new UrlNormalizer(options.stripParams()));
        return p.parse(html.getBytes(StandardCharsets.UTF_8), "UTF-8", PAGE);
    }

    private static PageParser.Parsed parse(String html) {
        return parse(CrawlOptions.defaults(), html);
    }

    @Test
    void linksResolvedNormalisedDeduplicatedInOrder() {
        PageParser.Parsed p = parse("""
                <html><head><title>  Hello
                  World </title></head><body>
                <a href="b.html">1</a>
                <a href="/x#frag">2</a>
                <a href="HTTP://E.COM:80/x">3</a>
                <a href="../up/">4</a>
                <a href="b.html">dup</a>
                <a href="#top">self</a>
                <a href="https://other.org/z">ext</a>
                <a>no href</a>
                </body></html>
                """);
        assertEquals("Hello World", p.title());
        assertEquals(List.of("http://e.com/dir/b.html", "http://e.com/x", "http://e.com/up/",
                "http://e.com/dir/page.html", "https://other.org/z"), p.links());
        assertEquals(List.of(), p.badLinks());
    }

    @Test
    void baseHrefChangesResolution() {
        PageParser.Parsed p = parse("""
                <html><head><base href="http://cdn.e.com/root/"></head>
                <body><a href="a">a</a><a href="/b">b</a></body></html>
                """);
        assertEquals(List.of("http://cdn.e.com/root/a", "http://cdn.e.com/b"), p.links());
    }

    @Test
    void relativeBaseHrefResolvesAgainstThePage() {
        PageParser.Parsed p = parse("<base href='/other/'><a href='x'>x</a>");
        assertEquals(List.of("http://e.com/other/x"), p.links());
    }

    @Test
    void nofollowHonouredUnlessDisabled() {
        String html = "<a href='/a' rel='external NoFollow'>a</a><a href='/b'>b</a>";
        assertEquals(List.of("http://e.com/b"), parse(html).links());
        CrawlOptions ignore = CrawlOptions.builder().obeyNofollow(false).build();
        assertEquals(List.of("http://e.com/a", "http://e.com/b"), parse(ignore, html).links());
    }

    @Test
    void metaRobotsNofollowDropsAllLinks() {
        String html = "<meta name='ROBOTS' content='noindex, nofollow'><a href='/a'>a</a>";
        assertEquals(List.of(), parse(html).links());
        String ours = "<meta name='ranks-crawler' content='none'><a href='/a'>a</a>";
        assertEquals(List.of(), parse(ours).links());
        String others = "<meta name='googlebot' content='nofollow'><a href='/a'>a</a>";
        assertEquals(List.of("http://e.com/a"), parse(others).links());
        CrawlOptions ignore = CrawlOptions.builder().obeyNofollow(false).build();
        assertEquals(List.of("http://e.com/a"), parse(ignore, html).links());
    }

    @Test
    void followTagsOnlyWhenAsked() {
        String html = """
                <link rel="stylesheet" href="/s.css"><a href="/a">a</a>
                <map><area href="/area" alt=""></map><iframe src="/frame"></iframe>
                """;
        assertEquals(List.of("http://e.com/a"), parse(html).links());
        CrawlOptions all = CrawlOptions.builder().follow(Set.of("LINK", "area", "iframe")).build();
        assertEquals(List.of("http://e.com/s.css", "http://e.com/a", "http://e.com/area",
                "http://e.com/frame"), parse(all, html).links());
        CrawlOptions some = CrawlOptions.builder().follow(Set.of("iframe")).build();
        assertEquals(List.of("http://e.com/a", "http://e.com/frame"), parse(some, html).links());
    }

    @Test
    void pseudoSchemesIgnoredAndBadHrefsRecorded() {
        PageParser.Parsed p = parse("""
                <a href="javascript:void(0)">j</a><a href="mailto:x@e.com">m</a>
                <a href="tel:+123">t</a><a href="data:text/plain,x">d</a>
                <a href="http://exa mple.com/">space</a><a href="ftp://e.com/f">ftp</a>
                <a href="http://e.com:99999/">port</a><a href="ok">ok</a>
                """);
        assertEquals(List.of("http://e.com/dir/ok"), p.links());
        assertEquals(3, p.badLinks().size(), p.badLinks().toString());
        assertEquals("http://exa mple.com/: bad host 'exa mple.com'", p.badLinks().get(0));
        assertEquals("ftp://e.com/f: unsupported scheme 'ftp'; expected http or https",
                p.badLinks().get(1));
    }

    @Test
    void brokenHtmlNeverThrows() {
        PageParser.Parsed p = parse("<html><body><div><a href='/a'>x<table><tr><a href=/b>"
                + "<<<>>><a href='/c' <p></div></span>\0\uFFFF<a href=\"/d");
        assertEquals(List.of("http://e.com/a", "http://e.com/b"), p.links().subList(0, 2));
        assertNull(parse("").title());
        assertEquals(List.of(), parse(new String(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
                StandardCharsets.ISO_8859_1)).links());
    }

    @Test
    void charsetFromMetaWhenHeaderHasNone() {
        CrawlOptions o = CrawlOptions.defaults();
        PageParser p = new PageParser(o, new UrlNormalizer(List.of()));
        byte[] body = "<meta charset='ISO-8859-1'><title>caf\u00e9</title>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", p.parse(body, null, PAGE).title());
        assertEquals("caf\u00e9", p.parse(body, "no-such-charset", PAGE).title());
    }

    @Test
    void productToken() {
        assertEquals("Ranks-crawler", PageParser.productToken(CrawlOptions.DEFAULT_USER_AGENT));
        assertEquals("bot", PageParser.productToken(" bot (compatible)"));
    }
}
