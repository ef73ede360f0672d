package app.tarjim.article;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ArticleRepository extends ListCrudRepository<ArticleRow, UUID> {

    boolean existsByIdAndOwner(UUID id, String owner);

    /** History without the texts and sentences, which a list does not show. */
    @Query("""
            SELECT id, title, status, demo, created_at, updated_at,
                   (SELECT COUNT(*) FROM article_sentence s WHERE s.article_id = article.id) AS sentence_count
            FROM article
            WHERE owner = :owner
            ORDER BY created_at DESC, id
            LIMIT :limit""")
    List<ArticleListing> findListings(@Param("owner") String owner, @Param("limit") int limit);

    /** Everyone else's history, newest first, for admins. */
    @Query("""
            SELECT owner, id, title, status, demo, created_at, updated_at,
                   (SELECT COUNT(*) FROM article_sentence s WHERE s.article_id = article.id) AS sentence_count
            FROM article
            WHERE owner <> :owner
            ORDER BY created_at DESC, id
            LIMIT :limit""")
    List<OwnedArticleListing> findOthersListings(@Param("owner") String owner, @Param("limit") int limit);

    /** Unfinished articles whose heartbeat stopped before {@code staleBefore}: no live process translates them. */
    @Query("""
            SELECT id FROM article
            WHERE status IN ('PENDING', 'QUEUED', 'RUNNING') AND (heartbeat_at IS NULL OR heartbeat_at < :staleBefore)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<UUID> findAbandoned(@Param("staleBefore") Instant staleBefore, @Param("limit") int limit);

    /**
     * Takes over an abandoned article: back to QUEUED with a fresh heartbeat. The conditions are checked again
     * in the update itself, so of several processes sweeping at once only one gets it; the version moves on so
     * that a late write from the process that lost it fails.
     */
    @Modifying
    @Query("""
            UPDATE article SET status = 'QUEUED', heartbeat_at = :now, updated_at = :now, version = version + 1
            WHERE id = :id AND status IN ('PENDING', 'QUEUED', 'RUNNING')
              AND (heartbeat_at IS NULL OR heartbeat_at < :staleBefore)""")
    boolean claimAbandoned(@Param("id") UUID id, @Param("staleBefore") Instant staleBefore, @Param("now") Instant now);

    /** Renews the heartbeat; not versioned, so that it never makes a status change lose a race. */
    @Modifying
    @Query("UPDATE article SET heartbeat_at = :now WHERE id IN (:ids) AND status IN ('QUEUED', 'RUNNING')")
    int beat(@Param("ids") Collection<UUID> ids, @Param("now") Instant now);

    /** Gives articles up at once (a clean shutdown), so the next process to sweep resumes them without waiting. */
    @Modifying
    @Query("UPDATE article SET heartbeat_at = NULL WHERE id IN (:ids) AND status IN ('QUEUED', 'RUNNING')")
    int release(@Param("ids") Collection<UUID> ids);

    @Query("SELECT id FROM article WHERE id IN (:ids) AND status = 'CANCELLED'")
    List<UUID> findCancelled(@Param("ids") Collection<UUID> ids);
}
