package app.tarjim.article;

import app.tarjim.pipeline.ArticlePipeline;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.translate.NBestTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Other translations of one sentence of a finished article, computed on demand by beam search (n best
 * finished beams) with the article's model; nothing is stored until the person picks one (an edit).
 */
@Service
public class SentenceAlternatives {

    public static final int MAX = 5;

    private final ArticleService articles;
    /** Looked up when used, so storage-only contexts (tests, tools) need no models. */
    private final ObjectProvider<ArticlePipeline> pipeline;

    SentenceAlternatives(ArticleService articles, ObjectProvider<ArticlePipeline> pipeline) {
        this.articles = articles;
        this.pipeline = pipeline;
    }

    /** One translation offered instead of the current one. */
    public record Alternative(String target, double confidence) {
    }

    /**
     * Up to {@code n} translations of sentence {@code index} that differ from its current text, best first.
     *
     * @throws IllegalArgumentException when n is not between 1 and {@value #MAX}
     */
    public List<Alternative> of(UUID articleId, String owner, int index, int n) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("n must be between 1 and " + MAX + ", not " + n + ".");
        }
        StoredArticle article = articles.find(articleId).filter(a -> a.owner().equals(owner))
                .orElseThrow(() -> new ArticleNotFoundException(articleId));
        if (article.status() != ArticleStatus.DONE) {
            throw new EditRejectedException("Alternatives are offered for finished translations; this article is "
                    + article.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        StoredSentence sentence = article.sentence(index)
                .orElseThrow(() -> new SentenceNotFoundException(index, article.sentences().size()));
        TranslationPreset preset = articles.request(articleId)
                .map(r -> r.options().preset()).filter(p -> p != null && !p.isBlank())
                .map(SentenceAlternatives::preset).orElse(TranslationPreset.FAST);
        // One more than asked for, since the best beam is often the text already shown.
        List<NBestTranslator.Scored> scored = pipeline.getObject().scoredAlternatives(List.of(sentence.source()), preset, n + 1,
                () -> Thread.currentThread().isInterrupted()).get(0);
        return scored.stream()
                .filter(s -> !s.text().isBlank() && !s.text().equals(sentence.target()))
                .limit(n)
                .map(s -> new Alternative(s.text(), s.confidence()))
                .toList();
    }

    private static TranslationPreset preset(String name) {
        try {
            return TranslationPreset.parse(name);
        } catch (IllegalArgumentException e) {
            return TranslationPreset.FAST;
        }
    }
}
