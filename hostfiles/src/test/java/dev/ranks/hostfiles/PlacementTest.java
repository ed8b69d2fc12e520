package dev.ranks.hostfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlacementTest {
    private static final Hostfile TWO_BY_FOUR = Hostfile.parse("two-nodes.hosts", "a slots=4\nb slots=4\n");
    private static final Hostfile CAPPED = Hostfile.parse("over.hosts", "a slots=2 max_slots=4\nb slots=2 max_slots=3\n");

    @Test
    void bySlotFillsEachHostBeforeTheNext() {
        Placement placement = TWO_BY_FOUR.place(6, MapBy.SLOT, false);

        assertEquals(List.of("a", "a", "a", "a", "b", "b"), placement.hostsByRank());
        assertEquals(Map.of("a", List.of(0, 1, 2, 3), "b", List.of(4, 5)), placement.ranksByHost());
        assertEquals(6, placement.size());
        assertEquals(MapBy.SLOT, placement.mapBy());
        assertFalse(placement.oversubscribed());
    }

    @Test
    void byNodeDealsRanksRoundRobin() {
        Placement placement = TWO_BY_FOUR.place(6, MapBy.NODE, false);

        assertEquals(List.of("a", "b", "a", "b", "a", "b"), placement.hostsByRank());
        assertEquals(List.of(0, 2, 4), placement.ranksOn("a"));
        assertEquals(List.of(1, 3, 5), placement.ranksOn("b"));
        assertEquals(MapBy.NODE, placement.mapBy());
    }

    @Test
    void byNodeSkipsHostsWhoseSlotsAreFull() {
        Hostfile uneven = Hostfile.parse("uneven.hosts", "a slots=3\nb slots=1\nc slots=2\n");

        Placement placement = uneven.place(5, MapBy.NODE, false);

        assertEquals(List.of("a", "b", "c", "a", "c"), placement.hostsByRank());
        assertEquals(List.of(0, 3), placement.ranksOn("a"));
        assertEquals(List.of(1), placement.ranksOn("b"));
        assertEquals(List.of(2, 4), placement.ranksOn("c"));
    }

    @Test
    void bySlotWithUnevenHostsKeepsEachHostsRanksContiguous() {
        Hostfile uneven = Hostfile.parse("uneven.hosts", "a slots=1\nb slots=3\n");

        assertEquals(List.of("a", "b", "b", "b"), uneven.place(4, MapBy.SLOT, false).hostsByRank());
        assertEquals(List.of("a", "b", "b", "b"), uneven.place(4, MapBy.NODE, false).hostsByRank());
    }

    @ParameterizedTest
    @EnumSource(MapBy.class)
    void exactlyAllSlotsIsNotOversubscribed(MapBy mapBy) {
        Placement placement = TWO_BY_FOUR.place(8, mapBy, false);

        assertEquals(8, placement.size());
        assertEquals(4, placement.ranksOn("a").size());
        assertEquals(4, placement.ranksOn("b").size());
        assertFalse(placement.oversubscribed());
    }

    @ParameterizedTest
    @EnumSource(MapBy.class)
    void oneRankRunsOnTheFirstHostOnly(MapBy mapBy) {
        Placement placement = TWO_BY_FOUR.place(1, mapBy, false);

        assertEquals("a", placement.hostOf(0));
        assertEquals(Map.of("a", List.of(0)), placement.ranksByHost());
        assertEquals(List.of(), placement.ranksOn("b"));
        assertEquals(List.of("rank 0 -> a"), placement.lines());
    }

    @Test
    void defaultPlacementIsBySlotWithoutOversubscription() {
        assertEquals(TWO_BY_FOUR.place(6, MapBy.SLOT, false).hostsByRank(), TWO_BY_FOUR.place(6).hostsByRank());
        assertThrows(RanksException.class, () -> TWO_BY_FOUR.place(9));
    }

    @ParameterizedTest
    @EnumSource(MapBy.class)
    void tooFewSlotsNamesBothCounts(MapBy mapBy) {
        RanksException e = assertThrows(RanksException.class, () -> TWO_BY_FOUR.place(12, mapBy, false));

        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
        assertEquals("hostfile two-nodes.hosts has 8 slots on 2 hosts but 12 ranks were requested:"
                + " add hosts or slots, or use fewer ranks", e.getMessage());
    }

    @Test
    void maxSlotsAloneDoNotAllowOversubscription() {
        RanksException e = assertThrows(RanksException.class, () -> CAPPED.place(5, MapBy.SLOT, false));

        assertEquals("hostfile over.hosts has 4 slots on 2 hosts but 5 ranks were requested:"
                + " add hosts or slots, or use fewer ranks", e.getMessage());
    }

    @Test
    void oversubscribedBySlotDealsExtraRanksInTurnUpToMaxSlots() {
        Placement placement = CAPPED.place(7, MapBy.SLOT, true);

        assertEquals(List.of("a", "a", "a", "a", "b", "b", "b"), placement.hostsByRank());
        assertTrue(placement.oversubscribed());
    }

    @Test
    void oversubscribedByNodeKeepsDealingRoundRobinUpToMaxSlots() {
        Placement placement = CAPPED.place(7, MapBy.NODE, true);

        assertEquals(List.of(0, 2, 4, 6), placement.ranksOn("a"));
        assertEquals(List.of(1, 3, 5), placement.ranksOn("b"));
        assertTrue(placement.oversubscribed());
    }

    @ParameterizedTest
    @EnumSource(MapBy.class)
    void moreRanksThanMaxSlotsAllowIsAnError(MapBy mapBy) {
        RanksException e = assertThrows(RanksException.class, () -> CAPPED.place(8, mapBy, true));

        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
        assertEquals("hostfile over.hosts allows at most 7 ranks with oversubscription (the sum of max_slots)"
                + " on 2 hosts but 8 ranks were requested: add hosts or raise max_slots, or use fewer ranks",
                e.getMessage());
    }

    @Test
    void hostWithoutMaxSlotsTakesAnyNumberWhenOversubscribing() {
        Hostfile hostfile = Hostfile.parse("open.hosts", "a slots=1 max_slots=1\nb slots=1\n");

        assertEquals(List.of("a", "b", "b", "b", "b"), hostfile.place(5, MapBy.SLOT, true).hostsByRank());
        assertEquals(List.of("a", "b", "b", "b", "b"), hostfile.place(5, MapBy.NODE, true).hostsByRank());
    }

    @Test
    void uncappedHostsShareExtraRanksEvenly() {
        Hostfile hostfile = Hostfile.parse("open.hosts", "a\nb\n");

        assertEquals(List.of("a", "a", "a", "b", "b"), hostfile.place(5, MapBy.SLOT, true).hostsByRank());
        assertEquals(List.of("a", "b", "a", "b", "a"), hostfile.place(5, MapBy.NODE, true).hostsByRank());
    }

    @Test
    void repeatedHostWithPartialCapIsUncapped() {
        // b has 2 + 1 slots and no cap, because its first line sets none.
        Hostfile hostfile = Hostfile.parse("partial.hosts", "a slots=2 max_slots=4\nb:2\nb max_slots=1\n");

        Placement placement = hostfile.place(9, MapBy.SLOT, true);

        assertEquals(List.of(0, 1, 2, 3), placement.ranksOn("a"));
        assertEquals(List.of(4, 5, 6, 7, 8), placement.ranksOn("b"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rankCountBelowOneIsAnErrorNamingIt(int ranks) {
        RanksException e = assertThrows(RanksException.class, () -> TWO_BY_FOUR.place(ranks, MapBy.SLOT, false));

        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("rank count " + ranks + ": expected at least 1", e.getMessage());
    }

    @Test
    void nullMappingPolicyIsAnError() {
        RanksException e = assertThrows(RanksException.class, () -> TWO_BY_FOUR.place(2, null, false));

        assertEquals("mapping policy null: expected one of [SLOT, NODE]", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 6})
    void hostOfRejectsRanksOutOfRange(int rank) {
        Placement placement = TWO_BY_FOUR.place(6);

        RanksException e = assertThrows(RanksException.class, () -> placement.hostOf(rank));

        assertEquals(ErrorClass.RANK, e.errorClass());
        assertEquals("rank " + rank + " is out of range: expected 0 to 5", e.getMessage());
    }

    @Test
    void linesListEveryRankInOrder() {
        Placement placement = TWO_BY_FOUR.place(3, MapBy.NODE, false);

        assertEquals(List.of("rank 0 -> a", "rank 1 -> b", "rank 2 -> a"), placement.lines());
    }

    @Test
    void placementCannotBeModified() {
        Placement placement = TWO_BY_FOUR.place(6);

        assertThrows(UnsupportedOperationException.class, () -> placement.hostsByRank().set(0, "b"));
        assertThrows(UnsupportedOperationException.class, () -> placement.ranksByHost().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> placement.ranksOn("a").add(9));
        assertThrows(UnsupportedOperationException.class, () -> placement.lines().clear());
        assertEquals(List.of(0, 1, 2, 3), placement.ranksOn("a"));
    }

    @Test
    void ranksByHostFollowsHostfileOrder() {
        Hostfile hostfile = Hostfile.parse("order.hosts", "z\ny\nx\n");

        assertEquals(List.of("z", "y", "x"), List.copyOf(hostfile.place(3).ranksByHost().keySet()));
    }
}
