package app.tarjim.article;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

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
}
