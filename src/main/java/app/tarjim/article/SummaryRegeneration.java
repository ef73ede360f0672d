package app.tarjim.article;

import app.tarjim.pipeline.ArticlePipeline;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.Summary;
import app.tarjim.pipeline.summarize.SummaryLength;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes a finished article's summary again from its translation as people edited it. The summary is marked
 * with the edit count it was made at, so an edit saved while it was being made leaves it marked "not current".
 */
@Service
public class SummaryRegeneration {

    private static final int MAX_ATTEMPTS = 5;

    private final ArticleRepository articles;
    /** Looked up when used, so storage-only contexts (tests, tools) need no models. */
    private final ObjectProvider<ArticlePipeline> pipeline;
    private final Clock clock;

    SummaryRegeneration(ArticleRepository articles, ObjectProvider<ArticlePipeline> pipeline, Clock clock) {
        this.articles = articles;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Summarizes the current translation of the owner's article and stores the summary in place of the old one.
     * The article's own summary length is used, medium when it was made without a summary.
     */
    public StoredArticle regenerate(UUID articleId, String owner) {
        ArticleRow row = owned(articleId, owner);
        if (row.status() != ArticleStatus.DONE) {
            throw new EditRejectedException("Only a finished translation can be summarized again; this article is "
                    + row.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        int madeAt = row.editCount();
        SummaryBasis basis = row.toStored().edited() ? SummaryBasis.EDITED : SummaryBasis.MACHINE;
        Summary summary = pipeline.getObject().summarize(row.translationText(), length(row.summaryLength()), preset(row.preset()),
                () -> Thread.currentThread().isInterrupted());
        String text = summary.text().isBlank() ? null : summary.text();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                articles.save(row.withSummary(text, basis, madeAt, clock.instant()));
                return articles.findById(articleId).orElseThrow(() -> new ArticleNotFoundException(articleId))
                        .toStored();
            } catch (OptimisticLockingFailureException raced) {
                // An edit saved meanwhile: keep it, store this summary (it stays marked as made before that edit).
                row = owned(articleId, owner);
            }
        }
        throw new EditRejectedException("The article kept changing while its summary was made; try again.");
    }

    private ArticleRow owned(UUID articleId, String owner) {
        return articles.findById(articleId).filter(r -> r.owner().equals(owner))
                .orElseThrow(() -> new ArticleNotFoundException(articleId));
    }

    private static SummaryLength length(String name) {
        try {
            SummaryLength length = SummaryLength.parse(name);
            return length == SummaryLength.NONE ? SummaryLength.MEDIUM : length;
        } catch (IllegalArgumentException | NullPointerException e) {
            return SummaryLength.MEDIUM;
        }
    }

    private static TranslationPreset preset(String name) {
        try {
            return name == null ? TranslationPreset.FAST : TranslationPreset.parse(name);
        } catch (IllegalArgumentException e) {
            return TranslationPreset.FAST;
        }
    }
}
