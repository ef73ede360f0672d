package app.tarjim.document.in;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;

/**
 * The article text of a web page: prefers {@code <article>} or {@code <main>}, drops page furniture
 * (scripts, navigation, headers, footers, asides), and keeps headings and paragraphs as paragraphs. Used
 * for uploaded .html files and for pages fetched from article URLs (fetching happens elsewhere).
 */
public final class ArticleHtmlExtractor {

    // A <header> holding the headline belongs to the article (<article><header><h1>); any other is furniture.
    private static final String FURNITURE = "script, style, noscript, template, nav, header:not(:has(h1)), footer, aside, "
            + "form, button, iframe, svg, canvas, [hidden], [aria-hidden=true], [role=navigation], "
            + "[role=banner], [role=contentinfo], [role=complementary]";

    // Elements whose start and end separate paragraphs; inline elements (a, span, b) do not.
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre", "figure",
            "figcaption", "table", "tr", "td", "th", "caption", "br", "hr", "address", "body");

    /** Parses raw bytes, letting jsoup pick the charset from a BOM or meta tag (UTF-8 otherwise). */
    public ExtractedDocument extract(byte[] html, String baseUri) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), null, baseUri == null ? "" : baseUri));
        } catch (IOException e) {
            // Reading from a byte array does not fail; parse errors are tolerated by jsoup itself.
            throw new IllegalStateException(e);
        }
    }

    /** For HTML already decoded to a string (for example by an HTTP client that honoured the headers). */
    public ExtractedDocument extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
    }

    private ExtractedDocument extract(Document document) {
        String title = title(document);
        Element root = contentRoot(document);
        root.select(FURNITURE).remove();
        Paragraphs paragraphs = new Paragraphs();
        StringBuilder current = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (isBlock(node)) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBlock(node)) {
                    flush();
                }
            }

            private void flush() {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
        });
        paragraphs.add(current.toString());
        return new ExtractedDocument(title, paragraphs.text());
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element element && BLOCKS.contains(element.normalName());
    }

    /** The article's own heading beats the page title, which usually carries the site name too. */
    private static String title(Document document) {
        Element root = contentRoot(document);
        Element h1 = root.selectFirst("h1");
        if (h1 == null) {
            h1 = document.selectFirst("h1");
        }
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        Element ogTitle = document.selectFirst("meta[property=og:title]");
        if (ogTitle != null && !ogTitle.attr("content").isBlank()) {
            return ogTitle.attr("content");
        }
        return document.title();
    }

    /** The longest <article>, else <main>, else the body: pages with several articles list teasers too. */
    private static Element contentRoot(Document document) {
        Elements articles = document.select("article");
        if (!articles.isEmpty()) {
            return articles.stream().max(Comparator.comparingInt(a -> a.text().length())).orElseThrow();
        }
        Element main = document.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        return document.body() != null ? document.body() : document;
    }
}
