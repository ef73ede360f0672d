package app.tarjim.api;

import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as the API returns it; the sentence, translation, summary, models and demo fields match
 * the JSON of {@code tarjim translate --json}. Edits: {@code translation} and each sentence's {@code target} are
 * the current text, {@code machineTranslation} and {@code machine} what the model wrote; {@code summaryBasis}
 * says which translation the summary was made from and {@code summaryCurrent} whether edits came after it.
 */
public record ArticleJson(String id, String status, String title, List<SentenceJson> sentences, String translation,
                          String summary, Map<String, String> models, boolean demo, String error,
                          Instant createdAt, Instant updatedAt, boolean edited, String machineTranslation,
                          String summaryBasis, boolean summaryCurrent) {

    /**
     * @param index   the sentence's number in the article, from 0: the {@code n} of {@code /sentences/{n}}
     * @param version moves on with every edit and undo; send it back as {@code expectedVersion} when editing
     */
    public record SentenceJson(int paragraph, String source, String target, double confidence, boolean flagged,
                               int index, boolean edited, String machine, int version, Instant editedAt,
                               String editedBy) {

        static SentenceJson of(StoredSentence s) {
            return new SentenceJson(s.paragraphIndex(), s.source(), s.target(), s.confidence(), s.flagged(),
                    s.sentenceIndex(), s.edited(), s.machineTarget(), s.revision(), s.editedAt(), s.editedBy());
        }
    }

    static ArticleJson of(StoredArticle a) {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("translation", a.models().translationModel());
        models.put("summarization", a.models().summarizerModel());
        return new ArticleJson(a.id().toString(), a.status().name().toLowerCase(java.util.Locale.ROOT), a.title(),
                a.sentences().stream().map(SentenceJson::of).toList(),
                a.translationText(), a.summaryText(), models, a.demo(), a.errorMessage(), a.createdAt(), a.updatedAt(),
                a.edited(), a.machineTranslation(), a.summaryBasis().jsonName(), a.summaryCurrent());
    }
}
