package app.tarjim.document.in;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects paragraphs and joins them the one way every extractor returns text: trimmed, whitespace inside
 * a paragraph collapsed, one blank line between paragraphs, empty ones dropped.
 */
final class Paragraphs {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\n\\u2028\\u2029\\u0085]");
    // Includes no-break and other Unicode spaces that HTML and Word like to use.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private final List<String> paragraphs = new ArrayList<>();

    void add(String paragraph) {
        if (paragraph == null) {
            return;
        }
        String clean = SPACES.matcher(paragraph).replaceAll(" ").strip();
        if (!clean.isEmpty()) {
            paragraphs.add(clean);
        }
    }

    boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    String text() {
        return String.join("\n\n", paragraphs);
    }

    /**
     * Every non-blank line becomes a paragraph: pasted news copy puts one paragraph on a line, and a dateline
     * or photo caption directly under the headline is a paragraph of its own, not part of the headline.
     */
    static String fromLines(String text) {
        Paragraphs result = new Paragraphs();
        for (String line : LINE_BREAK.split(text)) {
            result.add(line);
        }
        return result.text();
    }
}
