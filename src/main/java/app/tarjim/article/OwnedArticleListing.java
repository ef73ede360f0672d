package app.tarjim.article;

import java.time.Instant;
import java.util.UUID;

/** An article of the history list with whose it is, for an admin's view of everyone's work. */
public record OwnedArticleListing(String owner, UUID id, String title, ArticleStatus status, boolean demo,
                                  Instant createdAt, Instant updatedAt, int sentenceCount) {
}
