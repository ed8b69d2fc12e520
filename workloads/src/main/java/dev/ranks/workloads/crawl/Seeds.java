package dev.ranks.workloads.crawl;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.crawl.UrlNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a crawl's seeds: from the command line and from a seeds file, one URL per
 * line, with {@code #} starting a comment (whole-line or after the URL) and blank lines ignored,
 * as Scrapy's and StormCrawler's seed lists are written.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * Reads a seeds file.
     *
     * @param file the file, UTF-8
     * @return its URLs, as written, in file order
     * @throws RanksException ({@link ErrorClass#ARG}) naming the file when it does not exist or
     *     cannot be read, or naming the line when a line holds more than one word
     */
    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RanksException(ErrorClass.ARG, -1, "seeds file '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new RanksException(ErrorClass.ARG, -1, "seeds file '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String url = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (url.isEmpty()) {
                continue;
            }
            if (url.split("\\s+").length > 1) {
                throw new RanksException(ErrorClass.ARG, "seeds file '" + file + "' line " + (i + 1) + ": '" + url
                        + "' is not one URL: expected one URL per line");
            }
            urls.add(url);
        }
        return urls;
    }

    /**
     * Checks and normalises seeds, dropping repeats.
     *
     * @param raw the seeds as typed
     * @param normalizer the crawl's normaliser
     * @return the normalised seeds, in order, each once
     * @throws RanksException ({@link ErrorClass#ARG}) when there are none, or naming the first seed
     *     that is malformed or not http or https
     */
    public static List<String> normalize(List<String> raw, UrlNormalizer normalizer) {
        if (raw.isEmpty()) {
            throw new RanksException(ErrorClass.ARG,
                    "no seeds: expected at least one http or https URL, as an argument or in --seeds FILE");
        }
        Set<String> seeds = new LinkedHashSet<>();
        for (String url : raw) {
            seeds.add(normalizer.seed(url));
        }
        return List.copyOf(seeds);
    }
}
