package app.tarjim.api;

import app.tarjim.article.StoredArticle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as the API returns it; the sentence, translation, summary, models and demo fields match
 * the JSON of {@code tarjim translate --json}.
 */
public record ArticleJson(String id, String status, String title, List<SentenceJson> sentences, String translation,
                          String summary, Map<String, String> models, boolean demo, String error,
                          Instant createdAt, Instant updatedAt) {

    public record SentenceJson(int paragraph, String source, String target, double confidence, boolean flagged) {
    }

    static ArticleJson of(StoredArticle a) {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("translation", a.models().translationModel());
        models.put("summarization", a.models().summarizerModel());
        return new ArticleJson(a.id().toString(), a.status().name().toLowerCase(java.util.Locale.ROOT), a.title(),
                a.sentences().stream()
                        .map(s -> new SentenceJson(s.paragraphIndex(), s.source(), s.target(), s.confidence(), s.flagged()))
                        .toList(),
                a.translationText(), a.summaryText(), models, a.demo(), a.errorMessage(), a.createdAt(), a.updatedAt());
    }
}
