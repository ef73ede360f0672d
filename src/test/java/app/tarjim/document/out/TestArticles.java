package app.tarjim.document.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Export inputs built from the real Arabic seed article, with placeholder English for layout. */
final class TestArticles {

    static final String SUMMARY = "Syrian opposition factions in Aleppo rejected US and Russian pressure to leave the city.";

    private TestArticles() {
    }

    static List<String> aleppoLines() {
        try (InputStream in = TestArticles.class.getResourceAsStream("/document/aleppo-2016-12-04.ar.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed article: headline as title, each further line a paragraph, split into sentences at ". ". */
    static ExportedArticle aleppo(boolean demo) {
        List<String> lines = aleppoLines();
        List<ExportedSentence> sentences = new ArrayList<>();
        int number = 1;
        for (int paragraph = 0; paragraph < lines.size() - 1; paragraph++) {
            for (String sentence : lines.get(paragraph + 1).split("(?<=\\.) ")) {
                sentences.add(new ExportedSentence(paragraph, sentence, "English sentence " + number + ".",
                        0.9, number % 5 == 0));
                number++;
            }
        }
        String source = String.join("\n\n", lines.subList(1, lines.size()));
        String translation = String.join(" ", sentences.stream().map(ExportedSentence::target).toList());
        return new ExportedArticle("aleppo-2016-12-04", lines.get(0), source, sentences, translation, SUMMARY,
                demo, null);
    }

    /** Folds presentation forms (as PDF text extraction may return them) and strips tatweel for comparison. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\u0640", "");
    }
}
