package dev.ranks.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts a page's title and outlinks with jsoup.
 *
 * <p>jsoup builds a tree from any input the way browsers do (HTML5 parsing), so broken HTML yields
 * what a browser would show and never an exception. Links come from {@code a[href]} and, when the
 * options name them, from {@code link[href]}, {@code area[href]} and {@code iframe[src]}, in
 * document order. They resolve against the page's final URL (after redirects), or against the
 * first {@code <base href>} when there is one, as browsers do. A link marked {@code rel=nofollow}
 * is dropped, and a page with {@code <meta name="robots" content="nofollow">} (or
 * {@code none}, or the same meta named after our product token) yields no links, unless the
 * options say to ignore nofollow; like crawler4j, nofollow is a hint we honour by default.
 *
 * <p>{@code javascript:}, {@code mailto:}, {@code tel:}, {@code data:} and similar hrefs are not
 * pages and are skipped silently; an href that cannot be resolved to an http(s) URL is recorded as
 * {@code "href: reason"} in the bad links, so a site owner can find it.
 */
final class PageParser {
    private static final Set<String> IGNORED_SCHEMES = Set.of("javascript", "mailto", "tel", "data",
            "sms", "callto", "about", "blob", "geo", "skype", "whatsapp", "intent");

    private final UrlNormalizer normalizer;
    private final boolean obeyNofollow;
    private final String selector;
    private final String productToken;

    /** What parsing found. */
    record Parsed(String title, List<String> links, List<String> badLinks) {
    }

    PageParser(CrawlOptions options, UrlNormalizer normalizer) {
        this.normalizer = normalizer;
        this.obeyNofollow = options.obeyNofollow();
        List<String> parts = new ArrayList<>(List.of("a[href]"));
        for (String tag : List.of("link", "area", "iframe")) {
            if (options.follow().contains(tag)) {
                parts.add(tag.equals("iframe") ? "iframe[src]" : tag + "[href]");
            }
        }
        this.selector = String.join(", ", parts);
        this.productToken = productToken(options.userAgent());
    }

    /**
     * Gives the product token of a User-Agent: its first word up to {@code /}, as robots.txt and
     * robots meta tags name crawlers.
     */
    static String productToken(String userAgent) {
        String t = userAgent.trim();
        int end = 0;
        while (end < t.length() && t.charAt(end) != '/' && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }

    /**
     * Parses an HTML body.
     *
     * @param body the bytes read, possibly cut short
     * @param charset the charset the Content-Type named, or null to let jsoup sniff BOM and meta
     * @param finalUrl the normalised URL the body came from
     */
    Parsed parse(byte[] body, String charset, String finalUrl) {
        Document doc = document(body, charset, finalUrl);
        String title = doc.title().strip();
        String base = finalUrl;
        Element baseEl = doc.selectFirst("base[href]");
        if (baseEl != null) {
            try {
                base = normalizer.resolve(finalUrl, baseEl.attr("href"));
            } catch (BadUrlException e) {
                base = finalUrl;
            }
        }
        Set<String> links = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        if (!(obeyNofollow && metaNofollow(doc))) {
            for (Element el : doc.select(selector)) {
                if (obeyNofollow && hasToken(el.attr("rel"), "nofollow")) {
                    continue;
                }
                String href = el.tagName().equals("iframe") ? el.attr("src") : el.attr("href");
                String trimmed = href.strip();
                if (ignoredScheme(trimmed)) {
                    continue;
                }
                try {
                    links.add(normalizer.resolve(base, trimmed));
                } catch (BadUrlException e) {
                    bad.add(href + ": " + e.reason());
                }
            }
        }
        return new Parsed(title.isEmpty() ? null : title, List.copyOf(links), List.copyOf(bad));
    }

    private static Document document(byte[] body, String charset, String finalUrl) {
        String cs = charset;
        if (cs != null) {
            try {
                if (!Charset.isSupported(cs)) {
                    cs = null;
                }
            } catch (IllegalArgumentException e) {
                cs = null;
            }
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), cs, finalUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private boolean metaNofollow(Document doc) {
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").strip();
            if (name.equalsIgnoreCase("robots") || name.equalsIgnoreCase(productToken)) {
                String content = meta.attr("content").toLowerCase(Locale.ROOT);
                for (String directive : content.split("[,\\s]+")) {
                    if (directive.equals("nofollow") || directive.equals("none")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasToken(String list, String token) {
        for (String t : list.split("\\s+")) {
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ignoredScheme(String href) {
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = href.substring(0, colon).toLowerCase(Locale.ROOT);
        return IGNORED_SCHEMES.contains(scheme);
    }
}
