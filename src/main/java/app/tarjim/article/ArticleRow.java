package app.tarjim.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code article} aggregate as Spring Data JDBC maps it, sentences ({@code article_sentence}) included. The version makes a
 * late pipeline signal lose against a concurrent cancel or delete instead of overwriting it.
 */
record ArticleRow(@Id UUID id, @Version Integer version, String owner, String title, String sourceText,
                  String translationText, String summaryText, String summaryLength,
                  String translationModel, String summarizerModel, boolean demo,
                  ArticleStatus status, String errorMessage, Instant createdAt, Instant updatedAt,
                  List<ArticleSentenceRow> sentences) {

    static ArticleRow newDraft(UUID id, ArticleDraft draft, Instant now) {
        return new ArticleRow(id, null, draft.owner(), ArticleTitles.fromSource(draft.sourceText()),
                draft.sourceText(), null, null, draft.summaryLength(), null, null, false,
                ArticleStatus.PENDING, null, now, now, List.of());
    }

    ArticleRow withStatus(ArticleStatus newStatus, String newErrorMessage, Instant now) {
        return new ArticleRow(id, version, owner, title, sourceText, translationText, summaryText, summaryLength,
                translationModel, summarizerModel, demo, newStatus, newErrorMessage, createdAt, now, sentences);
    }

    ArticleRow withResult(ArticleResult result, Instant now) {
        return new ArticleRow(id, version, owner, title, sourceText, result.translationText(),
                result.summaryText(), summaryLength, result.models().translationModel(),
                result.models().summarizerModel(), result.demo(), ArticleStatus.DONE, null, createdAt, now,
                result.sentences().stream().map(ArticleSentenceRow::of).toList());
    }

    StoredArticle toStored() {
        return new StoredArticle(id, owner, title, sourceText,
                sentences.stream().map(ArticleSentenceRow::toStored).toList(), translationText, summaryText,
                summaryLength, new ModelsUsed(translationModel, summarizerModel), demo, status, errorMessage,
                createdAt, updatedAt);
    }
}
