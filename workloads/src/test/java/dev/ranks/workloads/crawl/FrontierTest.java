package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.Target;
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
        assertTrue(frontier.follow(new Target("http://a.example/3", 0, List.of("http://a.example/1"))));
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
        assertThrows(RanksException.class, () -> other.admitTargets(List.of(new Target(url, 0))));
    }

    @Test
    void redirectsAreFollowedOnlyOnTheirHostAndOnlyToUnseenUrls() {
        Frontier frontier = new Frontier(0, 1);
        frontier.admit(List.of("http://a.example/linked"));
        List<String> from = List.of("http://a.example/start");

        assertTrue(frontier.follow(new Target("http://a.example/new", 2, from)), "same host, unseen: followed");
        assertFalse(frontier.follow(new Target("http://a.example/new", 2, from)), "claimed by the first hop");
        assertEquals(List.of(), frontier.admit(List.of("http://a.example/new")), "a later link to it is dropped");
        assertFalse(frontier.follow(new Target("http://a.example/linked", 2, from)), "already taken as a link");
        Target across = new Target("https://a.example/", 2, from);
        assertFalse(frontier.follow(across), "another host (https: another port), even one this rank owns");
        assertEquals(List.of(across), frontier.takeHandOffs(), "only the hop to another host is handed off");
    }

    @Test
    void handOffsAreKeptForRoutingAndAdmittedOncePerUrl() {
        Frontier frontier = new Frontier(0, 1);
        Target shortChain = new Target("http://b.example/t", 1, List.of("http://a.example/x"));
        Target longChain = new Target("http://b.example/t", 1, List.of("http://a.example/w", "http://a.example/x"));
        Target other = new Target("http://b.example/u", 1, List.of("http://a.example/y"));
        assertFalse(frontier.follow(longChain));
        assertFalse(frontier.follow(other));
        assertFalse(frontier.follow(shortChain));

        List<Target> handedOff = frontier.takeHandOffs();
        assertEquals(3, handedOff.size());
        assertEquals(List.of(), frontier.takeHandOffs(), "taken once");
        assertEquals(List.of(List.of(shortChain, longChain, other)), Frontier.routeTargets(handedOff, 1));
        assertEquals(List.of(shortChain, other), frontier.admitTargets(handedOff), "the shortest chain wins");
        assertEquals(List.of(), frontier.admitTargets(List.of(shortChain)), "seen now");
        assertEquals(List.of(), frontier.admit(List.of("http://b.example/u")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void routeTargetsSortsTargetsOutByOwner(int size) {
        List<Target> targets = URLS.stream().map(url -> new Target(url, 1, List.of("http://z.example/"))).toList();
        List<List<Target>> routed = Frontier.routeTargets(targets, size);
        assertEquals(size, routed.size());
        int count = 0;
        for (int r = 0; r < size; r++) {
            for (Target t : routed.get(r)) {
                assertEquals(r, Frontier.owner(t.url(), size), t.url());
                count++;
            }
        }
        assertEquals(targets.size(), count, "repeats are kept for the owner to settle");
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
