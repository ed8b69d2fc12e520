package dev.ranks.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    private static final String TOKEN = "Ranks-crawler";

    @Test
    void ourGroupBeatsStarCaseInsensitively() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: RANKS-CRAWLER/2.0
                Disallow: /private
                """, TOKEN);
        assertTrue(r.allowed("/public"));
        assertFalse(r.allowed("/private/x"));
    }

    @Test
    void starGroupWhenOursIsAbsentAndOtherAgentsIgnored() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: googlebot
                Disallow: /a
                User-agent: *
                Disallow: /b
                """, TOKEN);
        assertTrue(r.allowed("/a"));
        assertFalse(r.allowed("/b/c"));
    }

    @Test
    void consecutiveAgentLinesShareAGroupAndGroupsCombine() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: other
                User-agent: ranks-crawler
                Disallow: /x
                User-agent: somebody
                Disallow: /y
                User-agent: ranks-crawler
                Disallow: /z
                """, TOKEN);
        assertFalse(r.allowed("/x"));
        assertTrue(r.allowed("/y"));
        assertFalse(r.allowed("/z"));
    }

    @Test
    void longestMatchWinsWhateverTheOrderAndAllowWinsTies() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Allow: /shop/public
                Disallow: /shop
                Disallow: /page
                Allow: /page
                Allow: /tie
                Disallow: /tie
                Disallow: /
                Allow: /$
                """, TOKEN);
        assertTrue(r.allowed("/shop/public/item"));
        assertFalse(r.allowed("/shop/cart"));
        assertTrue(r.allowed("/page"));
        assertTrue(r.allowed("/tie/x"));
        assertTrue(r.allowed("/"));
        assertFalse(r.allowed("/other"));
    }

    @Test
    void wildcardsAndEndAnchor() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /*?sort=
                Disallow: /a*b*c
                """, TOKEN);
        assertFalse(r.allowed("/docs/x.pdf"));
        assertTrue(r.allowed("/docs/x.pdf?v=1"));
        assertFalse(r.allowed("/list?page=2&x=1?sort=a"));
        assertFalse(r.allowed("/list?sort=a"));
        assertTrue(r.allowed("/list?order=a"));
        assertFalse(r.allowed("/a-b-c-d"));
        assertTrue(r.allowed("/a-c-b"));
    }

    @Test
    void percentEncodingComparesNormalised() {
        RobotsRules r = RobotsRules.parse("User-agent: *\nDisallow: /caf\u00e9\nDisallow: /%7ejoe\n", TOKEN);
        assertFalse(r.allowed("/caf%C3%A9/menu"));
        assertFalse(r.allowed("/~joe/x"));
    }

    @Test
    void emptyDisallowCommentsAndRulesOutsideGroups() {
        RobotsRules r = RobotsRules.parse("""
                Disallow: /orphan
                # a comment
                User-agent: * # everyone
                Disallow:
                Sitemap: http://e.com/sitemap.xml
                """, TOKEN);
        assertTrue(r.allowed("/orphan"));
        assertTrue(r.allowed("/anything"));
    }

    @Test
    void noGroupsAllowsAllAndRobotsTxtIsAlwaysAllowed() {
        assertTrue(RobotsRules.parse("garbage\n\0\u00ff: x", TOKEN).allowed("/x"));
        assertFalse(RobotsRules.DISALLOW_ALL.allowed("/x"));
        assertTrue(RobotsRules.DISALLOW_ALL.allowed("/robots.txt"));
    }

    @Test
    void crawlDelayOfTheChosenGroup() {
        RobotsRules r = RobotsRules.parse("""
                User-agent: *
                Crawl-delay: 5
                User-agent: ranks-crawler
                Crawl-delay: 0.5
                Disallow: /x
                """, TOKEN);
        assertEquals(Duration.ofMillis(500), r.crawlDelay());
        assertNull(RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n", TOKEN).crawlDelay());
    }

    @Test
    void windowsLineEndsAndSpacesAroundColon() {
        RobotsRules r = RobotsRules.parse("User-agent : *\r\nDisallow : /x\r\n", TOKEN);
        assertFalse(r.allowed("/x"));
    }
}
