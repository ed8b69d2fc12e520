package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.UrlNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontierTest {
    private static final List<String> URLS = List.of("http://a.example/1", "http://a.example/2",
            "https://b.example/x", "http://c.example:8080/", "http://b.example/y", "http://a.example/1");

    @Test
    void theOwnerIsTheHostKeysHashModuloTheSize() {
        for (String url : URLS) {
            for (int size = 1; size <= 7; size++) {
                assertEquals(Math.floorMod(UrlNormalizer.hostKey(url).hashCode(), size), Frontier.owner(url, size));
            }
        }
        assertEquals(Frontier.owner("http://a.example/1", 5), Frontier.owner("http://a.example/other?q", 5),
                "one host, one owner");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void routeSortsOutDistinctUrlsByOwner(int size) {
        List<List<String>> routed = Frontier.route(URLS, size);

        assertEquals(size, routed.size());
        List<String> all = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            List<String> mine = routed.get(r);
            assertEquals(mine.stream().sorted().distinct().toList(), mine);
            for (String url : mine) {
                assertEquals(r, Frontier.owner(url, size), url);
            }
            all.addAll(mine);
        }
        assertEquals(URLS.stream().distinct().sorted().toList(), all.stream().sorted().toList());
    }

    @Test
    void admitKeepsOnlyUnseenUrlsOnce() {
        Frontier frontier = new Frontier(0, 1);

        assertEquals(List.of("http://a.example/1", "http://a.example/2"),
                frontier.admit(List.of("http://a.example/2", "http://a.example/1", "http://a.example/2")));
        frontier.markSeen(List.of("http://a.example/3"));
        assertEquals(List.of("http://a.example/4"),
                frontier.admit(List.of("http://a.example/1", "http://a.example/3", "http://a.example/4")));
        assertEquals(4, frontier.seenCount());
    }

    @Test
    void aUrlOfAnotherRanksHostIsRefused() {
        String url = "http://a.example/1";
        int owner = Frontier.owner(url, 2);
        Frontier other = new Frontier(1 - owner, 2);

        RanksException e = assertThrows(RanksException.class, () -> other.admit(List.of(url)));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertTrue(e.getMessage().contains("'" + url + "' is owned by rank " + owner), e.getMessage());
        assertThrows(RanksException.class, () -> other.markSeen(List.of(url)));
    }

    @Test
    void aRankOutsideTheJobIsRefused() {
        RanksException e = assertThrows(RanksException.class, () -> new Frontier(3, 3));
        assertEquals(ErrorClass.RANK, e.errorClass());
    }

    @Test
    void shareGivesTheBudgetToTheSmallestUrlsWhereverTheyAre() {
        List<List<String>> candidates = List.of(List.of("b", "e"), List.of(), List.of("a", "c", "d"));

        assertEquals(List.of("b"), Frontier.share(candidates, 3, 0));
        assertEquals(List.of(), Frontier.share(candidates, 3, 1));
        assertEquals(List.of("a", "c"), Frontier.share(candidates, 3, 2));
        assertEquals(List.of(), Frontier.share(candidates, 0, 2));
        assertEquals(List.of("b", "e"), Frontier.share(candidates, 10, 0));
    }
}
