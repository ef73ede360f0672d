package app.tarjim.libretranslate;

import app.tarjim.pipeline.input.ArabicShare;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code format=html}: translates the text of an HTML fragment and keeps its markup. Every block (a paragraph,
 * a list item, a cell) is one piece of text for the model, inline tags included, so a sentence that runs
 * through a link or a {@code <br>} is translated as one sentence; the inline tags are then rebuilt around the
 * English at the places {@link SentenceMap} gives. Elements are copied with their tag and attributes as they
 * were; {@code <code>}, {@code <pre>}, {@code translate="no"} and {@code class="notranslate"} (and scripts,
 * styles, comments) are moved over untouched. English goes in as text nodes, so it is escaped and can add
 * no markup.
 */
final class HtmlTranslator {

    /** Elements that flow inside a line of text; everything else starts a block of its own. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
            "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");
    /** Inline elements that hold no words of their own, or words that must stay as they are. */
    private static final Set<String> KEPT = Set.of("br", "wbr", "img", "code", "kbd", "samp", "var");
    private static final Set<String> NEVER_TRANSLATED = Set.of("pre", "code", "script", "style", "textarea",
            "kbd", "samp", "var", "svg", "math", "template");

    private HtmlTranslator() {
    }

    /** A fragment, such as a Mastodon post or a CMS field. */
    static String translateFragment(String html, PieceTranslator translator) {
        return translateFragments(List.of(html), translator).get(0);
    }

    /** Several fragments (an array {@code q}) in one call to the translator. */
    static List<String> translateFragments(List<String> fragments, PieceTranslator translator) {
        List<Document> documents = fragments.stream().map(Jsoup::parseBodyFragment).toList();
        documents.forEach(d -> d.outputSettings().prettyPrint(false));
        translate(documents.stream().map(Document::body).toList(), translator);
        return documents.stream().map(d -> d.body().html()).toList();
    }

    /** A whole page, head and all (only the body's text is translated). */
    static String translateDocument(Document document, PieceTranslator translator) {
        document.outputSettings().prettyPrint(false);
        translate(List.of(document.body()), translator);
        return document.outerHtml();
    }

    private static void translate(List<Element> roots, PieceTranslator translator) {
        List<Run> runs = new ArrayList<>();
        roots.forEach(root -> collect(root, runs));
        List<Flat> flats = runs.stream().map(Flat::of).toList();
        List<List<SentencePair>> translated = translator.translate(flats.stream().map(f -> f.text).toList());
        for (int i = 0; i < runs.size(); i++) {
            if (!translated.get(i).isEmpty()) {
                runs.get(i).replaceWith(flats.get(i).rebuild(translated.get(i)));
            }
        }
    }

    /**
     * Elements that go over as they came. Besides code and translate="no", Mastodon's hashtag and mention links
     * ({@code <a class="mention hashtag">#<span>غزة</span></a>}): they are names whose link points at the
     * original spelling, and translating their text loses the {@code #} and breaks what they mean.
     */
    static boolean untouchable(Element element) {
        return NEVER_TRANSLATED.contains(element.normalName())
                || "no".equalsIgnoreCase(element.attr("translate").strip())
                || element.classNames().contains("notranslate")
                || (element.normalName().equals("a") && (element.hasClass("hashtag") || element.hasClass("mention")));
    }

    /** Splits the children of {@code container} into runs of inline content, going into blocks. */
    private static void collect(Element container, List<Run> runs) {
        List<Node> current = new ArrayList<>();
        for (Node child : List.copyOf(container.childNodes())) {
            if (child instanceof Element element && isBlock(element)) {
                flush(container, current, runs);
                current = new ArrayList<>();
                if (!untouchable(element)) {
                    collect(element, runs);
                }
            } else {
                current.add(child);
            }
        }
        flush(container, current, runs);
    }

    private static void flush(Element parent, List<Node> nodes, List<Run> runs) {
        if (!nodes.isEmpty()) {
            runs.add(new Run(parent, nodes));
        }
    }

    private static boolean isBlock(Element element) {
        if (!INLINE.contains(element.normalName())) {
            return true;
        }
        // An inline element around blocks (<a><div>…</div></a>) is a container, not part of a line.
        return !untouchable(element) && element.getAllElements().stream().skip(1)
                .anyMatch(e -> !INLINE.contains(e.normalName()));
    }

    private static boolean atom(Node node) {
        return !(node instanceof Element element) || KEPT.contains(element.normalName()) || untouchable(element);
    }

    /** Sibling nodes of one parent that read as one line of text. */
    private record Run(Element parent, List<Node> nodes) {
        void replaceWith(List<Node> rebuilt) {
            int index = nodes.get(0).siblingIndex();
            nodes.forEach(Node::remove);
            parent.insertChildren(index, rebuilt);
        }
    }

    /** A run's text on one line, and where each of its nodes starts and ends in that text. */
    private static final class Flat {
        private final List<Node> nodes;
        private final StringBuilder builder = new StringBuilder();
        private final Map<Node, int[]> ranges = new IdentityHashMap<>();
        private final List<int[]> anchorCandidates = new ArrayList<>();
        private String text;

        private Flat(List<Node> nodes) {
            this.nodes = nodes;
        }

        static Flat of(Run run) {
            Flat flat = new Flat(run.nodes());
            run.nodes().forEach(flat::add);
            flat.text = flat.builder.toString();
            return flat;
        }

        private void add(Node node) {
            int start = builder.length();
            if (node instanceof TextNode textNode) {
                // Line breaks in HTML text are spaces; one piece must be one line for the pipeline.
                builder.append(textNode.getWholeText().replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " "));
            } else if (!atom(node)) {
                node.childNodes().forEach(this::add);
                String own = builder.substring(start);
                if (own.length() >= 2 && own.equals(own.strip()) && ArabicShare.of(own).arabicLetters() == 0) {
                    anchorCandidates.add(new int[]{start, builder.length()});
                }
            }
            ranges.put(node, new int[]{start, builder.length()});
            if (node instanceof Element element && element.normalName().equals("br") && !builder.isEmpty()
                    && !Character.isWhitespace(builder.charAt(builder.length() - 1))) {
                builder.append(' ');   // the line break parts the words on either side, as a space would
            }
        }

        List<Node> rebuild(List<SentencePair> sentences) {
            RunMap map = new RunMap(text, sentences, anchorCandidates);
            return build(nodes, map, 0, map.target().length());
        }

        private List<Node> build(List<Node> originals, RunMap map, int from, int to) {
            String target = map.target();
            List<Node> out = new ArrayList<>();
            int cursor = from;
            for (Node node : originals) {
                if (node instanceof TextNode) {
                    continue;
                }
                int[] range = ranges.get(node);
                int start = clamp(map.map(range[0]), cursor, to);
                int end = clamp(map.map(range[1]), start, to);
                boolean atom = atom(node);
                if (!atom) {
                    // Spaces at the edges belong outside the tag: "<b>word</b> next", not "<b>word </b>next".
                    while (start < end && Character.isWhitespace(target.charAt(start))) {
                        start++;
                    }
                    while (end > start && Character.isWhitespace(target.charAt(end - 1))) {
                        end--;
                    }
                }
                if (!atom && end == start && range[1] > range[0]) {
                    // Words of their own never vanish into an empty tag: it takes at least the word it lands on.
                    while (end < to && !Character.isWhitespace(target.charAt(end))) {
                        end++;
                    }
                }
                if (start > cursor) {
                    out.add(new TextNode(target.substring(cursor, start)));
                }
                if (atom) {
                    // A kept element that stood apart from its neighbours (a mention) stays apart in English.
                    if (spaced(range[0] - 1) && start > 0 && !Character.isWhitespace(target.charAt(start - 1))) {
                        out.add(new TextNode(" "));
                    }
                    out.add(node);
                    if (spaced(range[1]) && start < target.length() && !Character.isWhitespace(target.charAt(start))
                            && !(node instanceof Element e && e.normalName().equals("br"))) {
                        out.add(new TextNode(" "));
                    }
                } else {
                    Element copy = ((Element) node).shallowClone();
                    copy.appendChildren(build(node.childNodes(), map, start, end));
                    out.add(copy);
                }
                cursor = end;
            }
            if (cursor < to) {
                out.add(new TextNode(target.substring(cursor, to)));
            }
            return out;
        }

        /** Whether the source line has whitespace at {@code index}. */
        private boolean spaced(int index) {
            return index >= 0 && index < text.length() && Character.isWhitespace(text.charAt(index));
        }

        private static int clamp(int value, int low, int high) {
            return Math.max(low, Math.min(high, value));
        }
    }
}
