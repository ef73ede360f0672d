package app.tarjim.pipeline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds sentence ends inside one line. A sentence ends at a run of {@code . ? ! ؟ … ۔} (with any closing
 * quotes and brackets that follow it) when whitespace or the end of the line comes next. The Arabic
 * semicolon {@code ؛} is not an end: in news text it mostly joins clauses of one sentence, so only
 * {@link ClauseSplitter} cuts there, and only when the sentence is over the model's limit. Requiring the
 * whitespace keeps numbers (3.5, 1,000), URLs and e-mail addresses whole; a period after an initial
 * ("ج. كيري", "U.S."), a known abbreviation or a list number at the start of a line is not an end.
 */
final class SentenceSplitter {

    private static final String TERMINATORS = ".?!؟…۔";
    private static final String CLOSERS = "»”’\"')]}›";
    private static final String OPENERS = "«“‘\"'([{‹";
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov",
            "jr", "sr", "st", "vs", "vol", "fig", "approx");

    /** Sentence spans of {@code text[line.start, line.end)}, trimmed, in order. */
    List<Span> split(String text, Span line) {
        List<Span> sentences = new ArrayList<>();
        int sentenceStart = line.start();
        int i = line.start();
        while (i < line.end()) {
            if (TERMINATORS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < line.end() && TERMINATORS.indexOf(text.charAt(runEnd)) >= 0) {
                runEnd++;
            }
            int end = runEnd;
            while (end < line.end() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            boolean followedByGap = end == line.end() || TextNormalizer.isGap(text.charAt(end));
            boolean singlePeriod = runEnd - i == 1 && text.charAt(i) == '.';
            if (followedByGap && !(singlePeriod && isAbbreviation(text, line.start(), i))) {
                addIfNotEmpty(sentences, Span.trimmed(text, sentenceStart, end));
                sentenceStart = end;
            }
            i = end;
        }
        addIfNotEmpty(sentences, Span.trimmed(text, sentenceStart, line.end()));
        return sentences;
    }

    private static void addIfNotEmpty(List<Span> spans, Span span) {
        if (!span.isEmpty()) {
            spans.add(span);
        }
    }

    /** Whether the word just before the period at {@code period} is an initial, abbreviation or list number. */
    private static boolean isAbbreviation(String text, int lineStart, int period) {
        int wordStart = period;
        while (wordStart > lineStart && !TextNormalizer.isGap(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < period && OPENERS.indexOf(text.charAt(wordStart)) >= 0) {
            wordStart++;
        }
        String word = text.substring(wordStart, period);
        if (word.isEmpty()) {
            return false;
        }
        if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) {
            return true;
        }
        if (isDottedInitials(word) || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
            return true;
        }
        boolean firstWordOfLine = Span.trimmed(text, lineStart, wordStart).isEmpty();
        return firstWordOfLine && word.chars().allMatch(Character::isDigit);
    }

    /** "U.S", "e.g", "ج.م": single letters joined by periods. */
    private static boolean isDottedInitials(String word) {
        String[] parts = word.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.codePointCount(0, part.length()) != 1 || !Character.isLetter(part.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }
}
