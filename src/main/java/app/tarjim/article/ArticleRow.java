package app.tarjim.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code article} aggregate as Spring Data JDBC maps it, sentences ({@code article_sentence}) included. The version makes a
 * late pipeline signal lose against a concurrent cancel or delete instead of overwriting it. The heartbeat is
 * renewed by the process translating the article (see {@link ArticleLeases}); it is written here only on creation.
 */
record ArticleRow(@Id UUID id, @Version Integer version, String owner, String title, String sourceText,
                  String translationText, String summaryText, String summaryLength, String preset,
                  String glossaryCsv, String summaryModel, String translationModel, String summarizerModel, boolean demo,
                  ArticleStatus status, String errorMessage, Instant createdAt, Instant updatedAt,
                  Instant heartbeatAt, List<ArticleSentenceRow> sentences, SummaryBasis summaryBasis,
                  int summaryEditCount, int editCount) {

    static ArticleRow newDraft(UUID id, ArticleDraft draft, ArticleOptions options, Instant now) {
        return new ArticleRow(id, null, draft.owner(), ArticleTitles.fromSource(draft.sourceText()),
                draft.sourceText(), null, null, draft.summaryLength(), options.preset(), options.glossaryCsv(),
                options.summaryModel(), null, null, false, ArticleStatus.QUEUED, null, now, now, now, List.of(), SummaryBasis.MACHINE, 0, 0);
    }

    ArticleRow withStatus(ArticleStatus newStatus, String newErrorMessage, Instant now) {
        return new ArticleRow(id, version, owner, title, sourceText, translationText, summaryText, summaryLength,
                preset, glossaryCsv, summaryModel, translationModel, summarizerModel, demo, newStatus, newErrorMessage, createdAt,
                now, heartbeatAt, sentences, summaryBasis, summaryEditCount, editCount);
    }

    ArticleRow withResult(ArticleResult result, Instant now) {
        return new ArticleRow(id, version, owner, title, sourceText, result.translationText(),
                result.summaryText(), summaryLength, preset, glossaryCsv, summaryModel, result.models().translationModel(),
                result.models().summarizerModel(), result.demo(), ArticleStatus.DONE, null, createdAt, now,
                heartbeatAt, result.sentences().stream().map(ArticleSentenceRow::of).toList(), SummaryBasis.MACHINE,
                0, 0);
    }

    /** One sentence replaced (an edit or an undo); the translation text follows, the summary may now be stale. */
    ArticleRow withSentence(ArticleSentenceRow changed, Instant now) {
        List<ArticleSentenceRow> updated = sentences.stream()
                .map(s -> s.sentenceIndex() == changed.sentenceIndex() ? changed : s).toList();
        return new ArticleRow(id, version, owner, title, sourceText, TranslationText.of(updated), summaryText,
                summaryLength, preset, glossaryCsv, summaryModel, translationModel, summarizerModel, demo, status, errorMessage,
                createdAt, now, heartbeatAt, updated, summaryBasis, summaryEditCount, editCount + 1);
    }

    /** A summary made again from the translation as it stood at edit count {@code madeAtEditCount}. */
    ArticleRow withSummary(String summary, SummaryBasis basis, int madeAtEditCount, Instant now) {
        return new ArticleRow(id, version, owner, title, sourceText, translationText, summary, summaryLength,
                preset, glossaryCsv, summaryModel, translationModel, summarizerModel, demo, status, errorMessage, createdAt, now,
                heartbeatAt, sentences, basis, madeAtEditCount, editCount);
    }

    java.util.Optional<ArticleSentenceRow> sentence(int index) {
        return sentences.stream().filter(s -> s.sentenceIndex() == index).findFirst();
    }

    StoredArticle toStored() {
        return new StoredArticle(id, owner, title, sourceText,
                sentences.stream().map(ArticleSentenceRow::toStored).toList(), translationText, summaryText,
                summaryLength, new ModelsUsed(translationModel, summarizerModel), demo, status, errorMessage,
                createdAt, updatedAt, summaryBasis, summaryEditCount == editCount);
    }

    StoredRequest toRequest() {
        return new StoredRequest(id, owner, sourceText, summaryLength, new ArticleOptions(preset, glossaryCsv, summaryModel));
    }
}
