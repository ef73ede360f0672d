package app.tarjim.document.out;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An Arabic paragraph next to its English translation: what the side-by-side formats (Markdown, DOCX,
 * PDF) lay out. Built from the sentence alignment when there is one, else by pairing paragraphs by position.
 */
public record AlignedParagraph(String source, String target, List<ExportedSentence> sentences) {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    public AlignedParagraph {
        sentences = List.copyOf(sentences);
    }

    public static List<AlignedParagraph> of(ExportedArticle article) {
        if (!article.sentences().isEmpty()) {
            Map<Integer, List<ExportedSentence>> byParagraph = new TreeMap<>();
            for (ExportedSentence sentence : article.sentences()) {
                byParagraph.computeIfAbsent(sentence.paragraph(), p -> new ArrayList<>()).add(sentence);
            }
            return byParagraph.values().stream().map(group -> new AlignedParagraph(
                    join(group.stream().map(ExportedSentence::source).toList()),
                    join(group.stream().map(ExportedSentence::target).toList()),
                    group)).toList();
        }
        List<String> sources = split(article.sourceText());
        List<String> targets = split(article.translation());
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < Math.max(sources.size(), targets.size()); i++) {
            paragraphs.add(new AlignedParagraph(i < sources.size() ? sources.get(i) : "",
                    i < targets.size() ? targets.get(i) : "", List.of()));
        }
        return paragraphs;
    }

    private static List<String> split(String text) {
        return LINE_BREAKS.splitAsStream(text.strip()).filter(s -> !s.isBlank()).toList();
    }

    private static String join(List<String> parts) {
        return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
