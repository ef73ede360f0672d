package app.tarjim.article;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a browser's history: enough to list an article without loading its text.
 *
 * @param sentenceCount how many sentences are stored (translated) so far
 */
public record ArticleListing(UUID id, String title, ArticleStatus status, boolean demo,
                             Instant createdAt, Instant updatedAt, int sentenceCount) {
}
