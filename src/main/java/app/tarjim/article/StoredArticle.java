package app.tarjim.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An article as stored: the draft, the job's state, and, once DONE, the result with any edits people made.
 *
 * @param sentences       in reading order; empty until DONE
 * @param translationText the current English, edits included
 * @param errorMessage    why the job failed; null unless FAILED
 * @param summaryBasis    which translation the summary was made from
 * @param summaryCurrent  false when sentences were edited after the summary was made
 */
public record StoredArticle(UUID id, String owner, String title, String sourceText,
                            List<StoredSentence> sentences, String translationText, String summaryText,
                            String summaryLength, ModelsUsed models, boolean demo,
                            ArticleStatus status, String errorMessage, Instant createdAt, Instant updatedAt,
                            SummaryBasis summaryBasis, boolean summaryCurrent) {

    public StoredArticle {
        sentences = List.copyOf(sentences);
        summaryBasis = summaryBasis == null ? SummaryBasis.MACHINE : summaryBasis;
    }

    /** An article nobody edited. */
    public StoredArticle(UUID id, String owner, String title, String sourceText,
                         List<StoredSentence> sentences, String translationText, String summaryText,
                         String summaryLength, ModelsUsed models, boolean demo,
                         ArticleStatus status, String errorMessage, Instant createdAt, Instant updatedAt) {
        this(id, owner, title, sourceText, sentences, translationText, summaryText, summaryLength, models, demo,
                status, errorMessage, createdAt, updatedAt, SummaryBasis.MACHINE, true);
    }

    public Optional<String> summary() {
        return Optional.ofNullable(summaryText).filter(s -> !s.isBlank());
    }

    /** Whether a person edited any sentence (and did not undo it). */
    public boolean edited() {
        return sentences.stream().anyMatch(StoredSentence::edited);
    }

    /** The English as the model wrote it, whatever was edited since. */
    public String machineTranslation() {
        return edited() ? TranslationText.machine(sentences) : translationText;
    }

    public Optional<StoredSentence> sentence(int index) {
        return sentences.stream().filter(s -> s.sentenceIndex() == index).findFirst();
    }
}
