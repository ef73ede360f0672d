package app.tarjim.article;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static app.tarjim.article.ArticleFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJdbcTest
@Import(StorageTestConfiguration.class)
class ArticleServiceTest {

    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    TestClock clock;

    @Test
    void newArticleIsQueuedAndEmpty() {
        StoredArticle article = articles.find(articles.create(ArticleFixtures.draft(OWNER))).orElseThrow();

        assertThat(article.owner()).isEqualTo(OWNER);
        assertThat(article.status()).isEqualTo(ArticleStatus.QUEUED);
        assertThat(article.sentences()).isEmpty();
        assertThat(article.translationText()).isNull();
        assertThat(article.summary()).isEmpty();
        assertThat(article.models()).isEqualTo(ModelsUsed.NONE);
    }

    @Test
    void titleIsTheShortenedHeadline() {
        String headline = "كلمة ".repeat(100);
        UUID id = articles.create(new ArticleDraft(OWNER, "\n\n  " + headline + "\nbody", "MEDIUM"));

        String title = articles.find(id).orElseThrow().title();
        assertThat(title).hasSizeLessThanOrEqualTo(200).startsWith("كلمة كلمة").endsWith("…");
    }

    @Test
    void failureKeepsTheMessage() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.markRunning(id);

        assertThat(articles.fail(id, "Model ran out of memory")).isTrue();

        StoredArticle failed = articles.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(ArticleStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Model ran out of memory");
    }

    @Test
    void aResultAfterCancellationIsIgnored() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.markRunning(id);
        assertThat(articles.cancel(id)).isTrue();

        assertThat(articles.complete(id, ArticleFixtures.result(null))).isFalse();
        assertThat(articles.fail(id, "interrupted")).isFalse();
        assertThat(articles.markRunning(id)).isFalse();

        StoredArticle cancelled = articles.find(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(ArticleStatus.CANCELLED);
        assertThat(cancelled.sentences()).isEmpty();
        assertThat(cancelled.errorMessage()).isNull();
    }

    @Test
    void finishedArticlesCannotBeCancelled() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.complete(id, ArticleFixtures.result(null));

        assertThat(articles.cancel(id)).isFalse();
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DONE);
    }

    @Test
    void signalsForADeletedArticleAreIgnored() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.delete(OWNER, id);

        assertThat(articles.markRunning(id)).isFalse();
        assertThat(articles.complete(id, ArticleFixtures.result(null))).isFalse();
        assertThat(articles.find(id)).isEmpty();
    }

    @Test
    void recentListsOnlyTheOwnersArticlesNewestFirst() {
        UUID first = articles.create(ArticleFixtures.draft(OWNER));
        clock.advance(Duration.ofMinutes(1));
        UUID second = articles.create(ArticleFixtures.draft(OWNER));
        clock.advance(Duration.ofMinutes(1));
        articles.create(ArticleFixtures.draft("another-browser"));
        clock.advance(Duration.ofMinutes(1));
        UUID third = articles.create(ArticleFixtures.draft(OWNER));
        articles.complete(second, ArticleFixtures.result(null));

        List<ArticleListing> recent = articles.recent(OWNER, 10);

        assertThat(recent).extracting(ArticleListing::id).containsExactly(third, second, first);
        assertThat(recent.get(1).status()).isEqualTo(ArticleStatus.DONE);
        assertThat(recent.get(1).title()).isEqualTo("حلب تحت الحصار");
        assertThat(recent.get(1).sentenceCount()).isEqualTo(ArticleFixtures.result(null).sentences().size());
        assertThat(recent.get(0).sentenceCount()).isZero();
        assertThat(articles.recent(OWNER, 2)).extracting(ArticleListing::id).containsExactly(third, second);
        assertThatThrownBy(() -> articles.recent(OWNER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdminsListOfOthersHoldsEveryoneElsesArticlesWithWhoseTheyAre() {
        UUID own = articles.create(ArticleFixtures.draft("user:root"));
        clock.advance(Duration.ofMinutes(1));
        UUID alices = articles.create(ArticleFixtures.draft("user:alice"));
        clock.advance(Duration.ofMinutes(1));
        UUID bobs = articles.create(ArticleFixtures.draft("user:bob"));
        articles.complete(alices, ArticleFixtures.result(null));

        List<OwnedArticleListing> others = articles.recentOfOthers("user:root", 10);

        assertThat(others).extracting(OwnedArticleListing::id).containsExactly(bobs, alices).doesNotContain(own);
        assertThat(others).extracting(OwnedArticleListing::owner).containsExactly("user:bob", "user:alice");
        assertThat(others.get(1).status()).isEqualTo(ArticleStatus.DONE);
        assertThat(others.get(1).sentenceCount()).isEqualTo(ArticleFixtures.result(null).sentences().size());
        assertThat(articles.recentOfOthers("user:root", 1)).extracting(OwnedArticleListing::id).containsExactly(bobs);
    }

    @Test
    void onlyTheOwnerCanDeleteAndDeletingRemovesShareLinks() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.complete(id, ArticleFixtures.result("Summary."));
        ShareLink link = shares.create(id, OWNER, Optional.empty());

        assertThat(articles.delete("another-browser", id)).isFalse();
        assertThat(shares.resolve(link.token())).isPresent();

        assertThat(articles.delete(OWNER, id)).isTrue();
        assertThat(articles.find(id)).isEmpty();
        assertThat(shares.resolve(link.token())).isEmpty();
        assertThat(articles.delete(OWNER, id)).isFalse();
    }

    @Test
    void resultsWithTwoSentencesInOnePlaceAreRejected() {
        StoredSentence sentence = new StoredSentence(0, 0, "نص", "Text", 0.9, false);
        assertThatThrownBy(() -> new ArticleResult(List.of(sentence, sentence), "Text", null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void draftsNeedAnOwnerAndText() {
        assertThatThrownBy(() -> new ArticleDraft(" ", "نص", "SHORT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArticleDraft(OWNER, "\n ", "SHORT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArticleDraft("x".repeat(129), "نص", "SHORT"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
