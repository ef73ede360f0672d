package app.tarjim.article;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static app.tarjim.article.ArticleFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/** What every supported database must do; run against H2 always and PostgreSQL when one is reachable. */
abstract class ArticleStorageRoundTrip {

    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsRanCompletely() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE",
                String.class)).contains("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article", Integer.class)).isZero();
    }

    @Test
    void storesAnArticleThroughItsLifeAndSharesIt() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        StoredArticle pending = articles.find(id).orElseThrow();
        assertThat(pending.status()).isEqualTo(ArticleStatus.PENDING);
        assertThat(pending.title()).isEqualTo("حلب تحت الحصار");
        assertThat(pending.sourceText()).isEqualTo(ArticleFixtures.SOURCE);
        assertThat(pending.createdAt()).isEqualTo(StorageTestConfiguration.START);

        clock.advance(Duration.ofSeconds(5));
        assertThat(articles.markRunning(id)).isTrue();
        clock.advance(Duration.ofSeconds(30));
        ArticleResult result = ArticleFixtures.result("Fighting intensified in Aleppo.");
        assertThat(articles.complete(id, result)).isTrue();

        StoredArticle done = articles.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.sentences()).containsExactlyElementsOf(result.sentences());
        assertThat(done.translationText()).isEqualTo(result.translationText());
        assertThat(done.summary()).contains("Fighting intensified in Aleppo.");
        assertThat(articles.recent(OWNER, 1)).singleElement()
                .extracting(ArticleListing::sentenceCount).isEqualTo(result.sentences().size());
        assertThat(done.summaryLength()).isEqualTo("SHORT");
        assertThat(done.models()).isEqualTo(new ModelsUsed("opus-mt-ar-en", "distilbart-cnn"));
        assertThat(done.createdAt()).isEqualTo(StorageTestConfiguration.START);
        assertThat(done.updatedAt()).isEqualTo(StorageTestConfiguration.START.plusSeconds(35));

        ShareLink link = shares.create(id, OWNER, Optional.of(Duration.ofDays(7)));
        assertThat(shares.resolve(link.token())).hasValueSatisfying(shared -> {
            assertThat(shared.article()).isEqualTo(done);
            assertThat(shared.link()).isEqualTo(link);
        });

        assertThat(shares.revoke(OWNER, link.token())).isTrue();
        assertThat(shares.resolve(link.token())).isEmpty();

        assertThat(articles.delete(OWNER, id)).isTrue();
        assertThat(articles.find(id)).isEmpty();
        assertThat(shares.links(OWNER, id)).isEmpty();
    }
}
