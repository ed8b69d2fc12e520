package dev.ranks.hostfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostfileTest {

    @Test
    void openMpiFormatReadsSlotsAndMaxSlotsInAnyOrder() {
        Hostfile hostfile = Hostfile.parse("ompi.hosts", """
                node01 slots=4 max_slots=8
                node02 slots=2
                node03 max-slots=3
                node04 max_slots=6 slots=5
                node05 slots = 7
                """);

        assertEquals(List.of(
                HostEntry.of("node01", 4, 8),
                HostEntry.of("node02", 2),
                HostEntry.of("node03", 1, 3),
                HostEntry.of("node04", 5, 6),
                HostEntry.of("node05", 7)), hostfile.hosts());
        assertEquals(19, hostfile.totalSlots());
        assertEquals("ompi.hosts", hostfile.name());
    }

    @Test
    void mpichFormatReadsHostColonCount() {
        Hostfile hostfile = Hostfile.parse("mpich.hosts", "node01:4\n10.0.0.2:2\n");

        assertEquals(List.of(HostEntry.of("node01", 4), HostEntry.of("10.0.0.2", 2)), hostfile.hosts());
        assertEquals(6, hostfile.totalSlots());
    }

    @Test
    void plainFormatGivesEachHostOneSlot() {
        Hostfile hostfile = Hostfile.parse("machines", "node01\ncompute_2.cluster.example.org\n192.168.1.3\n");

        assertEquals(List.of(
                HostEntry.of("node01", 1),
                HostEntry.of("compute_2.cluster.example.org", 1),
                HostEntry.of("192.168.1.3", 1)), hostfile.hosts());
        assertEquals(3, hostfile.totalSlots());
    }

    @Test
    void formatsMixWithCommentsBlankLinesAndStrayWhitespace() {
        Hostfile hostfile = Hostfile.parse("mixed.hosts", "# cluster A\r\n"
                + "\r\n"
                + "   node01 slots=2   # the head node\r\n"
                + "\tnode02:3\t\r\n"
                + "node03#no space before the comment\r\n"
                + "   \r\n"
                + "#node04 slots=9\r\n");

        assertEquals(List.of(HostEntry.of("node01", 2), HostEntry.of("node02", 3), HostEntry.of("node03", 1)),
                hostfile.hosts());
    }

    @Test
    void repeatedHostAddsUpItsSlotsAtItsFirstPosition() {
        Hostfile hostfile = Hostfile.parse("repeat.hosts", "a slots=2\nb\na:3\na\n");

        assertEquals(List.of(HostEntry.of("a", 6), HostEntry.of("b", 1)), hostfile.hosts());
        assertEquals(7, hostfile.totalSlots());
    }

    @Test
    void repeatedHostAddsUpMaxSlotsOnlyWhenEveryLineSetsThem() {
        Hostfile capped = Hostfile.parse("capped.hosts", "a slots=2 max_slots=4\na slots=1 max_slots=2\n");
        Hostfile uncapped = Hostfile.parse("uncapped.hosts", "a slots=2 max_slots=4\na slots=1\n");

        assertEquals(List.of(HostEntry.of("a", 3, 6)), capped.hosts());
        assertEquals(List.of(HostEntry.of("a", 3)), uncapped.hosts());
    }

    @Test
    void hostNamesAreComparedExactly() {
        Hostfile hostfile = Hostfile.parse("case.hosts", "Node01\nnode01\n");

        assertEquals(List.of(HostEntry.of("Node01", 1), HostEntry.of("node01", 1)), hostfile.hosts());
    }

    @Test
    void readsAFileAndNamesItsPathInMessages(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.hosts"), "n1 slots=2\nn2:2\n");
        Path bad = Files.writeString(dir.resolve("bad.hosts"), "n1 slots=2\nn2:x\n");

        assertEquals(4, Hostfile.read(good).totalSlots());
        assertEquals(good.toString(), Hostfile.read(good).name());
        BadHostfileException e = assertThrows(BadHostfileException.class, () -> Hostfile.read(bad));
        assertEquals(bad + ":2: bad slot count 'x' in \"n2:x\": expected a positive integer", e.getMessage());
        assertEquals(bad.toString(), e.file());
    }

    @Test
    void missingFileIsAHostfileErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("missing.hosts");

        RanksException e = assertThrows(RanksException.class, () -> Hostfile.read(missing));

        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
        assertEquals("hostfile " + missing + " does not exist: expected a readable file listing hosts",
                e.getMessage());
    }

    @Test
    void failingReaderIsAHostfileErrorKeepingTheCause() {
        IOException cause = new IOException("disk on fire");
        Reader failing = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw cause;
            }

            @Override
            public void close() {
            }
        };

        RanksException e = assertThrows(RanksException.class, () -> Hostfile.parse("stream", failing));

        assertEquals(ErrorClass.HOSTFILE, e.errorClass());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().startsWith("cannot read hostfile stream: "), e.getMessage());
    }

    @Test
    void ofMergesRepeatedEntriesLikeParsing() {
        Hostfile hostfile = Hostfile.of("built", List.of(
                HostEntry.of("a", 2, 3), HostEntry.of("b", 1), HostEntry.of("a", 1, 1)));

        assertEquals(List.of(HostEntry.of("a", 3, 4), HostEntry.of("b", 1)), hostfile.hosts());
        assertEquals(4, hostfile.totalSlots());
        assertEquals("hostfile built (2 hosts, 4 slots)", hostfile.toString());
    }

    @Test
    void ofRejectsNoHosts() {
        RanksException e = assertThrows(RanksException.class, () -> Hostfile.of("none", List.of()));

        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("hostfile none with hosts []: expected a name and at least one host entry", e.getMessage());
    }

    @Test
    void ofRejectsMoreSlotsThanAnIntHolds() {
        List<HostEntry> hosts = List.of(HostEntry.of("a", Integer.MAX_VALUE), HostEntry.of("b", 1));

        RanksException e = assertThrows(RanksException.class, () -> Hostfile.of("huge", hosts));

        assertEquals("hostfile huge has 2147483648 slots: expected at most 2147483647", e.getMessage());
    }

    @Test
    void hostEntryRejectsBadCounts() {
        RanksException noSlots = assertThrows(RanksException.class, () -> HostEntry.of("a", 0));
        RanksException lowCap = assertThrows(RanksException.class, () -> HostEntry.of("a", 4, 3));
        RanksException blank = assertThrows(RanksException.class, () -> HostEntry.of(" ", 1));

        assertEquals("slots 0 for host a: expected a positive integer", noSlots.getMessage());
        assertEquals("maxSlots 3 for host a: expected at least slots (4)", lowCap.getMessage());
        assertEquals("host name ' ': expected a non-blank name", blank.getMessage());
        assertEquals(ErrorClass.ARG, noSlots.errorClass());
    }

    @Test
    void hostEntryWithoutLimitHasEmptyMaxSlots() {
        assertEquals(OptionalInt.empty(), HostEntry.of("a", 2).maxSlots());
        assertEquals(OptionalInt.of(5), HostEntry.of("a", 2, 5).maxSlots());
    }
}
