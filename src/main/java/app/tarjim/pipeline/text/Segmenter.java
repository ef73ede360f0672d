package app.tarjim.pipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into the segments sent to the model: every non-blank line is a paragraph (so headline,
 * dateline and caption lines stay on their own), every paragraph is cut into sentences, and a sentence
 * whose normalised text exceeds {@code maxTokens} is cut further at clause boundaries, the Arabic
 * semicolon {@code ؛} first. A sentence under the limit is never cut at {@code ؛}.
 */
public final class Segmenter {

    private final TextNormalizer normalizer;
    private final TokenCounter tokenCounter;
    private final int maxTokens;
    private final SentenceSplitter sentenceSplitter = new SentenceSplitter();

    public Segmenter(TextNormalizer normalizer, TokenCounter tokenCounter, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        this.normalizer = normalizer;
        this.tokenCounter = tokenCounter;
        this.maxTokens = maxTokens;
    }

    public SegmentedText segment(String source) {
        ClauseSplitter clauseSplitter = new ClauseSplitter(this::fits);
        List<Segment> segments = new ArrayList<>();
        int paragraph = 0;
        for (Span line : lines(source)) {
            Span content = Span.trimmed(source, line.start(), line.end());
            if (content.isEmpty()) {
                continue;
            }
            for (Span sentence : sentenceSplitter.split(source, content)) {
                for (Span piece : clauseSplitter.split(source, sentence)) {
                    segments.add(new Segment(segments.size(), paragraph, piece.start(), piece.end(), piece.of(source)));
                }
            }
            paragraph++;
        }
        return new SegmentedText(source, segments);
    }

    private boolean fits(String text) {
        return tokenCounter.count(normalizer.normalize(text)) <= maxTokens;
    }

    /** Lines without their terminators; \r\n, \r, \n, NEL and the Unicode line/paragraph separators end a line. */
    private static List<Span> lines(String text) {
        List<Span> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(new Span(start, i));
                start = i + 1;
            }
        }
        lines.add(new Span(start, text.length()));
        return lines;
    }
}
