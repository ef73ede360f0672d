package app.tarjim.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An article as stored: the draft, the job's state, and, once DONE, the result.
 *
 * @param sentences    in reading order; empty until DONE
 * @param errorMessage why the job failed; null unless FAILED
 */
public record StoredArticle(UUID id, String owner, String title, String sourceText,
                            List<StoredSentence> sentences, String translationText, String summaryText,
                            String summaryLength, ModelsUsed models, boolean demo,
                            ArticleStatus status, String errorMessage, Instant createdAt, Instant updatedAt) {

    public StoredArticle {
        sentences = List.copyOf(sentences);
    }

    public Optional<String> summary() {
        return Optional.ofNullable(summaryText).filter(s -> !s.isBlank());
    }
}
