package app.tarjim.article;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Stores articles and moves their jobs through QUEUED, RUNNING and a final state. State changes that
 * arrive too late (say, a result after the user cancelled or deleted) are ignored and reported as
 * {@code false}, so the pipeline never has to know what the user did meanwhile.
 */
@Service
public class ArticleService {

    public static final int MAX_RECENT = 500;
    private static final int MAX_ERROR_LENGTH = 2000;
    /** Each lost race means another transition won; there are too few states for more to happen. */
    private static final int MAX_ATTEMPTS = 5;

    private final ArticleRepository articles;
    private final ShareLinkRepository shareLinks;
    private final Clock clock;

    ArticleService(ArticleRepository articles, ShareLinkRepository shareLinks, Clock clock) {
        this.articles = articles;
        this.shareLinks = shareLinks;
        this.clock = clock;
    }

    /** Stores a new QUEUED article, without the options to run it again, and returns its id. */
    public UUID create(ArticleDraft draft) {
        return create(draft, ArticleOptions.NOT_STORED);
    }

    /** Stores a new QUEUED article with the options that let its job be run again, and returns its id. */
    UUID create(ArticleDraft draft, ArticleOptions options) {
        UUID id = UUID.randomUUID();
        articles.save(ArticleRow.newDraft(id, draft, options, clock.instant()));
        return id;
    }

    public boolean markRunning(UUID id) {
        return moveTo(id, ArticleStatus.RUNNING, row -> row.withStatus(ArticleStatus.RUNNING, null, clock.instant()));
    }

    public boolean complete(UUID id, ArticleResult result) {
        Objects.requireNonNull(result, "result");
        return moveTo(id, ArticleStatus.DONE, row -> row.withResult(result, clock.instant()));
    }

    public boolean fail(UUID id, String message) {
        String error = shorten(Objects.requireNonNullElse(message, "Unknown error"));
        return moveTo(id, ArticleStatus.FAILED, row -> row.withStatus(ArticleStatus.FAILED, error, clock.instant()));
    }

    public boolean cancel(UUID id) {
        return moveTo(id, ArticleStatus.CANCELLED,
                row -> row.withStatus(ArticleStatus.CANCELLED, null, clock.instant()));
    }

    public Optional<StoredArticle> find(UUID id) {
        return articles.findById(id).map(ArticleRow::toStored);
    }

    /** The article's text and options, to run its job again. */
    Optional<StoredRequest> request(UUID id) {
        return articles.findById(id).map(ArticleRow::toRequest);
    }

    /** The owner's newest articles first, at most {@code limit} (1 to {@value #MAX_RECENT}). */
    public List<ArticleListing> recent(String owner, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT);
        }
        return articles.findListings(owner, limit);
    }

    /**
     * The newest articles of everyone but {@code owner}, for an admin's history (the caller checks that the viewer
     * is an admin).
     */
    public List<OwnedArticleListing> recentOfOthers(String owner, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT);
        }
        return articles.findOthersListings(owner, limit);
    }

    /** Deletes the owner's article with its share links; false when there is no such article of theirs. */
    @Transactional
    public boolean delete(String owner, UUID id) {
        if (!articles.existsByIdAndOwner(id, owner)) {
            return false;
        }
        shareLinks.deleteByArticleId(id);
        articles.deleteById(id);
        return true;
    }

    private boolean moveTo(UUID id, ArticleStatus target, UnaryOperator<ArticleRow> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<ArticleRow> current = articles.findById(id);
            if (current.isEmpty() || !current.get().status().canMoveTo(target)) {
                return false;
            }
            try {
                articles.save(change.apply(current.get()));
                return true;
            } catch (OptimisticLockingFailureException raced) {
                // Someone else changed or deleted the article since we read it: decide again on fresh state.
            }
        }
        return false;
    }

    private static String shorten(String message) {
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
