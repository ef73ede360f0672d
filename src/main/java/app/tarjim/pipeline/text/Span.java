package app.tarjim.pipeline.text;

/** A range {@code [start, end)} of a text; internal currency of the splitters. */
record Span(int start, int end) {

    /** The span without leading and trailing gap characters; empty when it holds nothing else. */
    static Span trimmed(String text, int start, int end) {
        while (start < end && TextNormalizer.isGap(text.charAt(start))) {
            start++;
        }
        while (end > start && TextNormalizer.isGap(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    boolean isEmpty() {
        return start >= end;
    }

    String of(String text) {
        return text.substring(start, end);
    }
}
