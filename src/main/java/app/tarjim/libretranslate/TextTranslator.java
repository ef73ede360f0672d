package app.tarjim.libretranslate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code format=text}: every line is translated on its own and the lines are kept as the client sent them. */
final class TextTranslator {

    private TextTranslator() {
    }

    /** One text: its lines and the sentences of each, ready to be put together again. */
    record TranslatedText(List<String> lines, List<List<SentencePair>> sentences) {

        String english() {
            return render(SentencePair::target);
        }

        /** The text with each sentence's English chosen by {@code english}. */
        String render(Function<SentencePair, String> english) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                out.add(line(lines.get(i), sentences.get(i).stream().map(english).toList()));
            }
            return String.join("\n", out);
        }

        List<SentencePair> allSentences() {
            return sentences.stream().flatMap(List::stream).toList();
        }
    }

    static List<TranslatedText> translate(List<String> texts, PieceTranslator translator) {
        List<String> lines = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (String text : texts) {
            String[] own = text.split("\r\n|\r|\n|\u0085|\u2028|\u2029", -1);
            ranges.add(new int[]{lines.size(), own.length});
            lines.addAll(List.of(own));
        }
        List<List<SentencePair>> translated = translator.translate(lines);
        List<TranslatedText> out = new ArrayList<>();
        for (int[] range : ranges) {
            out.add(new TranslatedText(lines.subList(range[0], range[0] + range[1]),
                    translated.subList(range[0], range[0] + range[1])));
        }
        return out;
    }

    /** The English sentences joined by spaces, inside the line's own leading and trailing whitespace. */
    static String line(String source, List<String> english) {
        if (english.isEmpty()) {
            return source;
        }
        String joined = String.join(" ", english.stream().filter(t -> !t.isEmpty()).toList());
        int start = 0;
        while (start < source.length() && Character.isWhitespace(source.charAt(start))) {
            start++;
        }
        int end = source.length();
        while (end > start && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        return source.substring(0, start) + joined + source.substring(end);
    }
}
