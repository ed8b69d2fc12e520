package dev.ranks.workloads.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.UrlNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedsTest {
    @TempDir
    Path dir;

    @Test
    void aFileHoldsOneUrlPerLineWithCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("seeds.txt"),
                "# start here\nhttp://a.example/\n\n   https://b.example/x  # the second\n\t\n#http://c.example/\n");

        assertEquals(List.of("http://a.example/", "https://b.example/x"), Seeds.read(file));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.txt");

        RanksException e = assertThrows(RanksException.class, () -> Seeds.read(missing));
        assertEquals(ErrorClass.ARG, e.errorClass());
        assertEquals("seeds file '" + missing + "' does not exist", e.getMessage());
    }

    @Test
    void aLineOfTwoWordsIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("seeds.txt"), "http://a.example/\nhttp://b.example/ http://c.example/\n");

        RanksException e = assertThrows(RanksException.class, () -> Seeds.read(file));
        assertTrue(e.getMessage().startsWith("seeds file '" + file + "' line 2: "), e.getMessage());
    }

    @Test
    void normalizeDropsRepeatsOfAnySpelling() {
        UrlNormalizer normalizer = new UrlNormalizer(List.of());

        assertEquals(List.of("http://a.example/", "http://b.example/x"), Seeds.normalize(
                List.of("http://A.example", "http://b.example/x#f", "http://a.example:80/"), normalizer));
    }

    @Test
    void noSeedsOrABadSeedIsAnArgumentError() {
        UrlNormalizer normalizer = new UrlNormalizer(List.of());

        RanksException none = assertThrows(RanksException.class, () -> Seeds.normalize(List.of(), normalizer));
        assertEquals(ErrorClass.ARG, none.errorClass());
        assertTrue(none.getMessage().startsWith("no seeds"), none.getMessage());
        RanksException bad = assertThrows(RanksException.class,
                () -> Seeds.normalize(List.of("http://a.example/", "ftp://b.example/"), normalizer));
        assertEquals(ErrorClass.ARG, bad.errorClass());
        assertTrue(bad.getMessage().contains("ftp://b.example/"), bad.getMessage());
    }
}
