package app.tarjim.article;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists, revokes and resolves the public links to finished articles. */
@Service
public class ShareService {

    /** The share_link.shared_by column's width. */
    static final int MAX_SHARED_BY = 200;

    private final ArticleRepository articles;
    private final ShareLinkRepository links;
    private final ShareTokenGenerator tokens;
    private final Clock clock;

    ShareService(ArticleRepository articles, ShareLinkRepository links, ShareTokenGenerator tokens, Clock clock) {
        this.articles = articles;
        this.links = links;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Shares the owner's finished article.
     *
     * @param expiry how long the link works; empty for a link that works until revoked
     * @throws ArticleNotFoundException when the article is missing or not the owner's
     * @throws IllegalStateException    when the article is not DONE, as there is nothing to show yet
     */
    public ShareLink create(UUID articleId, String owner, Optional<Duration> expiry) {
        return create(articleId, owner, expiry, Optional.empty());
    }

    /**
     * Shares the owner's finished article, with the name the shared page shows as "Shared by".
     *
     * @param sharedBy the sharer's name when they chose to show it; empty for a page that names no one
     */
    public ShareLink create(UUID articleId, String owner, Optional<Duration> expiry, Optional<String> sharedBy) {
        String name = sharedBy.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (name != null && name.length() > MAX_SHARED_BY) {
            name = name.substring(0, MAX_SHARED_BY);
        }
        expiry.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> {
            throw new IllegalArgumentException("expiry must be positive");
        });
        ArticleRow article = articles.findById(articleId)
                .filter(row -> row.owner().equals(owner))
                .orElseThrow(() -> new ArticleNotFoundException(articleId));
        if (article.status() != ArticleStatus.DONE) {
            throw new IllegalStateException("Only finished articles can be shared; this one is " + article.status());
        }
        Instant now = clock.instant();
        ShareLinkRow link = ShareLinkRow.newLink(tokens.next(), articleId, now, expiry.map(now::plus).orElse(null),
                name);
        return links.save(link).toShareLink();
    }

    /** The owner's links to one article, oldest first, revoked and expired ones included. */
    public List<ShareLink> links(String owner, UUID articleId) {
        if (!articles.existsByIdAndOwner(articleId, owner)) {
            return List.of();
        }
        return links.findByArticleIdOrderByCreatedAt(articleId).stream().map(ShareLinkRow::toShareLink).toList();
    }

    /** Revokes one of the owner's links; true when it is (now or already) revoked, false when not theirs. */
    public boolean revoke(String owner, String token) {
        Optional<ShareLinkRow> link = findByToken(token)
                .filter(row -> articles.existsByIdAndOwner(row.articleId(), owner));
        link.filter(row -> row.revokedAt() == null).ifPresent(this::markRevoked);
        return link.isPresent();
    }

    /** The article behind a working link; empty for unknown, revoked and expired tokens alike. */
    public Optional<SharedArticle> resolve(String token) {
        Instant now = clock.instant();
        return findByToken(token)
                .filter(row -> row.toShareLink().isActiveAt(now))
                .flatMap(row -> articles.findById(row.articleId())
                        .filter(article -> article.status() == ArticleStatus.DONE)
                        .map(article -> new SharedArticle(row.toShareLink(), article.toStored())));
    }

    private void markRevoked(ShareLinkRow row) {
        try {
            links.save(row.revokedAt(clock.instant()));
        } catch (OptimisticLockingFailureException raced) {
            // A concurrent revoke (or the article's deletion) got there first; either way the link is dead.
        }
    }

    private Optional<ShareLinkRow> findByToken(String token) {
        return ShareTokenGenerator.looksLikeToken(token) ? links.findById(Objects.requireNonNull(token))
                : Optional.empty();
    }
}
