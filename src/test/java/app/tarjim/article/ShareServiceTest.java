package app.tarjim.article;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static app.tarjim.article.ArticleFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJdbcTest
@Import(StorageTestConfiguration.class)
class ShareServiceTest {

    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    TestClock clock;

    private UUID finishedArticle() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.complete(id, ArticleFixtures.result("Summary."));
        return id;
    }

    @Test
    void theSharersNameIsKeptOnlyWhenGivenAndTravelsWithTheLink() {
        UUID id = finishedArticle();
        ShareLink named = shares.create(id, OWNER, Optional.empty(), Optional.of("  Layla Haddad "));
        ShareLink blank = shares.create(id, OWNER, Optional.empty(), Optional.of("   "));
        ShareLink plain = shares.create(id, OWNER, Optional.empty());

        assertThat(named.sharedBy()).isEqualTo("Layla Haddad");
        assertThat(shares.resolve(named.token()).orElseThrow().link().sharedBy()).isEqualTo("Layla Haddad");
        assertThat(shares.resolve(blank.token()).orElseThrow().link().sharedBy()).isNull();
        assertThat(shares.resolve(plain.token()).orElseThrow().link().sharedBy()).isNull();
        assertThat(shares.revoke(OWNER, named.token())).isTrue();
        assertThat(shares.links(OWNER, id).get(0).sharedBy()).as("kept through the revoke's update")
                .isEqualTo("Layla Haddad");
    }

    @Test
    void linkWorksUntilItExpires() {
        ShareLink link = shares.create(finishedArticle(), OWNER, Optional.of(Duration.ofHours(24)));
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(shares.resolve(link.token())).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(shares.resolve(link.token())).isEmpty();
    }

    @Test
    void linkWithoutExpiryWorksUntilRevoked() {
        UUID id = finishedArticle();
        ShareLink link = shares.create(id, OWNER, Optional.empty());

        clock.advance(Duration.ofDays(3650));
        assertThat(shares.resolve(link.token())).isPresent();

        assertThat(shares.revoke(OWNER, link.token())).isTrue();
        assertThat(shares.resolve(link.token())).isEmpty();
        assertThat(shares.links(OWNER, id)).singleElement()
                .satisfies(revoked -> assertThat(revoked.revokedAt()).isEqualTo(clock.instant()));
    }

    @Test
    void revokingOneLinkLeavesTheOthers() {
        UUID id = finishedArticle();
        ShareLink revoked = shares.create(id, OWNER, Optional.empty());
        ShareLink kept = shares.create(id, OWNER, Optional.empty());

        shares.revoke(OWNER, revoked.token());

        assertThat(shares.resolve(revoked.token())).isEmpty();
        assertThat(shares.resolve(kept.token())).isPresent();
    }

    @Test
    void onlyTheOwnerCanRevoke() {
        ShareLink link = shares.create(finishedArticle(), OWNER, Optional.empty());

        assertThat(shares.revoke("another-browser", link.token())).isFalse();
        assertThat(shares.resolve(link.token())).isPresent();
        assertThat(shares.revoke(OWNER, "no-such-token")).isFalse();
    }

    @Test
    void onlyTheOwnerCanShareOrListLinks() {
        UUID id = finishedArticle();
        shares.create(id, OWNER, Optional.empty());

        assertThatThrownBy(() -> shares.create(id, "another-browser", Optional.empty()))
                .isInstanceOf(ArticleNotFoundException.class);
        assertThatThrownBy(() -> shares.create(UUID.randomUUID(), OWNER, Optional.empty()))
                .isInstanceOf(ArticleNotFoundException.class);
        assertThat(shares.links("another-browser", id)).isEmpty();
        assertThat(shares.links(OWNER, id)).hasSize(1);
    }

    @Test
    void unfinishedArticlesCannotBeShared() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        assertThatThrownBy(() -> shares.create(id, OWNER, Optional.empty())).isInstanceOf(IllegalStateException.class);

        articles.fail(id, "boom");
        assertThatThrownBy(() -> shares.create(id, OWNER, Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiryMustBePositive() {
        UUID id = finishedArticle();
        assertThatThrownBy(() -> shares.create(id, OWNER, Optional.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shares.create(id, OWNER, Optional.of(Duration.ofMinutes(-5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownAndMalformedTokensResolveToNothing() {
        assertThat(shares.resolve("A".repeat(32))).isEmpty();
        assertThat(shares.resolve("")).isEmpty();
        assertThat(shares.resolve(null)).isEmpty();
        assertThat(shares.resolve("'; DROP TABLE share_link; --")).isEmpty();
    }
}
