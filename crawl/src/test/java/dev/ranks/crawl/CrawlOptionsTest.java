package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrawlOptionsTest {
    @Test
    void defaultsAsDocumented() {
        CrawlOptions o = CrawlOptions.defaults();
        assertEquals(2, o.depth());
        assertEquals(Long.MAX_VALUE, o.maxPages());
        assertEquals(Duration.ofSeconds(10), o.connectTimeout());
        assertEquals(Duration.ofSeconds(20), o.readTimeout());
        assertEquals(2 * 1024 * 1024, o.maxBodyBytes());
        assertEquals(5, o.maxRedirects());
        assertEquals("Ranks-crawler/0.1 (+https://ranks.dev/crawler)", o.userAgent());
        assertEquals(Duration.ofMillis(200), o.delay());
        assertEquals(1, o.perHost());
        assertEquals(16, o.concurrency());
        assertTrue(o.obeyRobots());
        assertEquals(Duration.ofSeconds(10), o.maxCrawlDelay());
        assertTrue(o.obeyNofollow());
        assertEquals(Set.of(), o.follow());
        assertFalse(o.sameHost());
        assertEquals(List.of(), o.allowDomains());
        assertEquals(List.of(), o.include());
        assertEquals(List.of(), o.exclude());
        assertEquals(List.of(), o.stripParams());
    }

    @Test
    void toBuilderKeepsEverything() {
        CrawlOptions o = CrawlOptions.builder().depth(4).include(List.of("a+")).exclude(List.of("b"))
                .follow(Set.of("Link")).allowDomains(List.of(".Example.COM")).stripParams(List.of("utm_*"))
                .delay(Duration.ZERO).perHost(3).build();
        CrawlOptions copy = o.toBuilder().build();
        assertEquals(o.toString(), copy.toString());
        assertEquals(Set.of("link"), copy.follow());
        assertEquals(List.of("example.com"), copy.allowDomains());
        assertEquals("a+", copy.include().get(0).pattern());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.depth(-1), "-1"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.perHost(0), "0"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.concurrency(-3), "-3"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.include(List.of("a(")), "a("),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.exclude(List.of("[x")), "[x"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.follow(Set.of("img")), "img"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.maxPages(0), "0"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.readTimeout(Duration.ZERO), "PT0S"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.delay(Duration.ofMillis(-1)), "-0.001"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.userAgent(" "), "' '"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.allowDomains(List.of("http://x")), "http://x"),
                Arguments.of((UnaryOperator<CrawlOptions.Builder>) b -> b.maxRedirects(-1), "-1"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingsAreArgNamingTheValue(UnaryOperator<CrawlOptions.Builder> change, String named) {
        RanksException e = assertThrows(RanksException.class, () -> change.apply(CrawlOptions.builder()).build());
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
