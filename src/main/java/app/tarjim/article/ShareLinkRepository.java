package app.tarjim.article;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;

interface ShareLinkRepository extends ListCrudRepository<ShareLinkRow, String> {

    List<ShareLinkRow> findByArticleIdOrderByCreatedAt(UUID articleId);

    @Modifying
    @Query("DELETE FROM share_link WHERE article_id = :articleId")
    void deleteByArticleId(@Param("articleId") UUID articleId);
}
