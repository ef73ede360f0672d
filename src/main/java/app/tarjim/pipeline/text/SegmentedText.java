package app.tarjim.pipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A source text cut into segments. Segments never overlap and hold every character but whitespace
 * and invisible controls; those lie in the gaps between segments. The source is exactly
 * {@code gapBefore(0) + seg0 + gapBefore(1) + seg1 + ... + trailingGap()}.
 */
public record SegmentedText(String source, List<Segment> segments) {

    public SegmentedText {
        segments = List.copyOf(segments);
    }

    /** The characters between the previous segment (or the start of the text) and segment {@code i}. */
    public String gapBefore(int i) {
        int from = i == 0 ? 0 : segments.get(i - 1).end();
        return source.substring(from, segments.get(i).start());
    }

    /** The characters after the last segment. */
    public String trailingGap() {
        int from = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
        return source.substring(from);
    }

    /** Segments grouped by paragraph, in order. */
    public List<List<Segment>> paragraphs() {
        List<List<Segment>> paragraphs = new ArrayList<>();
        int current = -1;
        for (Segment segment : segments) {
            if (segment.paragraph() != current) {
                paragraphs.add(new ArrayList<>());
                current = segment.paragraph();
            }
            paragraphs.get(paragraphs.size() - 1).add(segment);
        }
        return paragraphs.stream().map(List::copyOf).toList();
    }
}
