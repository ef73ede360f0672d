package app.tarjim.article.web;

import app.tarjim.article.ArticleDraft;
import app.tarjim.article.ArticleFixtures;
import app.tarjim.article.ArticleResult;
import app.tarjim.article.ArticleService;
import app.tarjim.article.ModelsUsed;
import app.tarjim.article.ShareLink;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredSentence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static app.tarjim.article.ArticleFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

/** The public share page over real HTTP, in the full application next to Vaadin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharePageControllerTest {

    private static final String NASTY = "<script>alert(1)</script> \"quoted\" & more";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private ShareLink sharedArticle(String source, ArticleResult result) {
        UUID id = articles.create(new ArticleDraft(OWNER, source, "SHORT"));
        articles.complete(id, result);
        return shares.create(id, OWNER, Optional.empty());
    }

    @Test
    void showsTitleSummaryAndSideBySideTranslation() {
        ShareLink link = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Fighting intensified in Aleppo."));

        ResponseEntity<String> response = http.getForEntity(link.path(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.title()).isEqualTo("حلب تحت الحصار · Tarjim");
        assertThat(page.selectFirst("h1").text()).isEqualTo("حلب تحت الحصار");
        assertThat(page.selectFirst(".summary p").text()).isEqualTo("Fighting intensified in Aleppo.");

        assertThat(page.select(".pair")).hasSize(3);
        assertThat(page.select(".pair .source")).allSatisfy(source -> {
            assertThat(source.attr("lang")).isEqualTo("ar");
            assertThat(source.attr("dir")).isEqualTo("rtl");
        });
        assertThat(page.select(".pair").get(1).selectFirst(".source").text())
                .isEqualTo("قال مسؤولون إن القتال اشتد في المدينة. وأضافوا أن المدنيين يغادرون.");
        assertThat(page.select(".pair").get(1).selectFirst(".target").text())
                .isEqualTo("Officials said fighting intensified in the city. They added that civilians are leaving.");
        assertThat(page.select(".pair .target .flagged")).singleElement()
                .satisfies(flagged -> assertThat(flagged.text()).isEqualTo("They added that civilians are leaving."));
        assertThat(page.select("script")).isEmpty();
    }

    @Test
    void headCarriesOpenGraphAndTwitterCards() {
        ShareLink link = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Fighting intensified in Aleppo."));

        Document page = Jsoup.parse(http.getForObject(link.path(), String.class));

        assertThat(meta(page, "property", "og:title")).isEqualTo("حلب تحت الحصار");
        assertThat(meta(page, "property", "og:description")).isEqualTo("Fighting intensified in Aleppo.");
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:url")).isEqualTo("http://localhost:" + port + link.path());
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(page, "name", "twitter:title")).isEqualTo("حلب تحت الحصار");
        assertThat(meta(page, "name", "twitter:description")).isEqualTo("Fighting intensified in Aleppo.");
    }

    @Test
    void withoutSummaryTheDescriptionIsTheStartOfTheTranslation() {
        ShareLink link = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result(null));

        Document page = Jsoup.parse(http.getForObject(link.path(), String.class));

        assertThat(meta(page, "property", "og:description")).isEqualTo(
                "Aleppo under siege Officials said fighting intensified in the city. They added that civilians are "
                        + "leaving. Negotiations continue in Geneva.");
        assertThat(page.select(".summary")).isEmpty();
    }

    @Test
    void articleTextIsShownAsTextEverywhere() {
        ArticleResult result = new ArticleResult(
                List.of(new StoredSentence(0, 0, NASTY, NASTY, 0.9, false)), NASTY, NASTY,
                new ModelsUsed(NASTY, null), true);
        ShareLink link = sharedArticle(NASTY + "\nمتن", result);

        String html = http.getForObject(link.path(), String.class);

        assertThat(html).doesNotContain("<script");
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.title()).isEqualTo(NASTY + " · Tarjim");
        assertThat(page.selectFirst("h1").text()).isEqualTo(NASTY);
        assertThat(page.selectFirst(".summary p").text()).isEqualTo(NASTY);
        assertThat(page.selectFirst(".pair .source").text()).isEqualTo(NASTY);
        assertThat(page.selectFirst(".pair .target").text()).isEqualTo(NASTY);
        for (String tag : List.of("og:title", "og:description")) {
            assertThat(meta(page, "property", tag)).isEqualTo(NASTY);
        }
        for (String tag : List.of("twitter:title", "twitter:description")) {
            assertThat(meta(page, "name", tag)).isEqualTo(NASTY);
        }
        assertThat(page.selectFirst(".notice").text()).contains("demo models");
    }

    @Test
    void sharePagesAreNotIndexedAndRunNoScript() throws Exception {
        ShareLink link = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Summary."));

        ResponseEntity<String> response = http.getForEntity(link.path(), String.class);

        assertThat(response.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        String policy = response.getHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'none';").doesNotContain("unsafe").doesNotContain("script-src");
        // The page's one stylesheet is allowed by its hash, so a browser really applies it.
        String css = Jsoup.parse(response.getBody()).selectFirst("style").data();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
        assertThat(policy).contains("style-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
    }

    @Test
    void unknownRevokedAndExpiredLinksAllLookTheSame() {
        ShareLink revoked = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Summary."));
        shares.revoke(OWNER, revoked.token());
        ShareLink expired = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Summary."));
        jdbc.update("UPDATE share_link SET expires_at = ? WHERE token = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), expired.token());
        String unknown = ShareLink.PATH_PREFIX + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        List<ResponseEntity<String>> responses = List.of(
                http.getForEntity(unknown, String.class),
                http.getForEntity(revoked.path(), String.class),
                http.getForEntity(expired.path(), String.class),
                http.getForEntity(ShareLink.PATH_PREFIX + "not-a-token", String.class));

        for (ResponseEntity<String> response : responses) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            // Spring MVC answered, not Vaadin's catch-all servlet, which would serve its own page.
            assertThat(response.getBody()).isEqualTo(SharePageRenderer.NOT_FOUND_PAGE);
            assertThat(response.getHeaders().getFirst("X-Robots-Tag")).isEqualTo("noindex");
        }
    }

    @Test
    void aDeletedArticlesLinkStopsWorking() {
        ShareLink link = sharedArticle(ArticleFixtures.SOURCE, ArticleFixtures.result("Summary."));
        articles.delete(OWNER, link.articleId());

        assertThat(http.getForEntity(link.path(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String meta(Document page, String keyAttribute, String key) {
        return page.selectFirst("meta[" + keyAttribute + "=" + key + "]").attr("content");
    }
}
