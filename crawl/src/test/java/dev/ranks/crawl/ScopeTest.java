package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void noLimitsAdmitsAll() {
        Scope s = new Scope(CrawlOptions.defaults(), List.of("http://e.com/"));
        assertTrue(s.admits("https://anything.org/x"));
    }

    @Test
    void sameHostMeansHostAndPortOfTheSeeds() {
        Scope s = new Scope(CrawlOptions.builder().sameHost(true).build(),
                List.of("http://e.com/", "http://127.0.0.1:8080/a"));
        assertTrue(s.admits("http://e.com/x"));
        assertTrue(s.admits("http://127.0.0.1:8080/b"));
        assertFalse(s.admits("http://127.0.0.1:8081/b"));
        assertFalse(s.admits("https://e.com/x"));
        assertFalse(s.admits("http://www.e.com/x"));
    }

    @Test
    void sameHostWidensToWhereTheSeedsLanded() {
        Scope s = new Scope(CrawlOptions.builder().sameHost(true).exclude(List.of("\\.pdf$")).build(),
                List.of("http://e.com/"));
        Scope landed = s.withSameHostsOf(List.of("https://www.e.com/home"));
        assertTrue(landed.admits("https://www.e.com/x"));
        assertTrue(landed.admits("http://e.com/x"), "the seed's own host stays");
        assertFalse(landed.admits("http://www.e.com/x"), "host and port: http is port 80");
        assertFalse(landed.admits("https://www.e.com/x.pdf"), "the other rules still hold");
        assertFalse(s.admits("https://www.e.com/x"), "the original scope is unchanged");
        Scope open = new Scope(CrawlOptions.defaults(), List.of("http://e.com/"))
                .withSameHostsOf(List.of("https://www.e.com/"));
        assertTrue(open.admits("https://other.org/"), "without sameHost nothing is narrowed");
    }

    @Test
    void allowDomainsTakesSubdomainsButNotLookalikes() {
        Scope s = new Scope(CrawlOptions.builder().allowDomains(List.of("example.com")).build(), List.of());
        assertTrue(s.admits("http://example.com/"));
        assertTrue(s.admits("https://www.example.com:8443/"));
        assertFalse(s.admits("http://badexample.com/"));
        assertFalse(s.admits("http://example.com.evil.org/"));
    }

    @Test
    void includeAnyExcludeNone() {
        Scope s = new Scope(CrawlOptions.builder().include(List.of("/docs/", "/blog/"))
                .exclude(List.of("\\.pdf$", "draft")).build(), List.of());
        assertTrue(s.admits("http://e.com/docs/a"));
        assertTrue(s.admits("http://e.com/blog/b"));
        assertFalse(s.admits("http://e.com/shop/"));
        assertFalse(s.admits("http://e.com/docs/a.pdf"));
        assertFalse(s.admits("http://e.com/blog/draft-1"));
    }
}
