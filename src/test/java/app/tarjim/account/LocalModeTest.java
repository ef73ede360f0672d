package app.tarjim.account;

import app.tarjim.article.ArticleFixtures;
import app.tarjim.article.ArticleService;
import app.tarjim.article.ShareLink;
import app.tarjim.article.ShareService;
import app.tarjim.security.SignedIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mode local over real HTTP: the views need a signed-in user, the login form signs in and locks after wrong
 * passwords, user-made API keys work, are rate-limited and stop when revoked, another user's article is 404
 * while an admin reads it, share pages stay public, the actuator is for admins, headers stay on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tarjim.security.mode=local", "tarjim.security.login.max-failures=3"})
class LocalModeTest {

    static final char[] PASSWORD = "correct horse battery".toCharArray();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    UserApiKeys keys;
    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        jdbc.sql("DELETE FROM user_account").update();
        accounts.addLocal("alice", PASSWORD, false);
        accounts.addLocal("bob", PASSWORD, false);
        accounts.addLocal("root", PASSWORD, true);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageWhichKeepsTheSecurityHeaders() throws Exception {
        HttpResponse<String> home = http.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> login = http.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "'unsafe-eval'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void signingInOpensTheTranslatePage() throws Exception {
        HttpClient browser = browser();
        assertThat(signIn(browser, "alice", "correct horse battery")).endsWith("/");
        HttpResponse<String> home = browser.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(accounts.find("alice").orElseThrow().lastLoginAt()).isNotNull();
        assertThat(audit.recent(10)).anyMatch(e -> e.actor().equals("alice") && e.action().equals(AuditLog.SIGNED_IN));
    }

    @Test
    void wrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        HttpClient browser = browser();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(browser, "bob", "wrong password " + i)).endsWith("/login?error");
        }
        assertThat(signIn(browser, "bob", "correct horse battery")).endsWith("/login?locked");
        assertThat(accounts.find("bob").orElseThrow().lockedUntil()).isNotNull();
        // An admin's reset lifts the lock.
        accounts.resetPassword("bob", "another good password".toCharArray());
        assertThat(signIn(browser(), "bob", "another good password")).endsWith("/");
    }

    @Test
    void disabledAccountsCannotSignInNorUseTheirKeys() throws Exception {
        String key = keys.create(accounts.find("alice").orElseThrow(), "ci", 60).secret();
        accounts.setEnabled("alice", false);
        assertThat(signIn(browser(), "alice", "correct horse battery")).endsWith("/login?error");
        assertThat(api("/api/v1/articles/" + UUID.randomUUID(), key).statusCode()).isEqualTo(401);
    }

    @Test
    void userKeysWorkAreRateLimitedAndStopWhenRevoked() throws Exception {
        Account alice = accounts.find("alice").orElseThrow();
        NewApiKey made = keys.create(alice, "cms", 2);
        assertThat(made.secret()).startsWith("tj_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :k").param("k", made.secret())
                .query(Integer.class).single()).isZero(); // stored hashed, never as given

        String missing = "/api/v1/articles/" + UUID.randomUUID();
        assertThat(api(missing, null).statusCode()).isEqualTo(401);
        assertThat(api(missing, made.secret()).statusCode()).isEqualTo(404);
        assertThat(api(missing, made.secret()).statusCode()).isEqualTo(404);
        HttpResponse<String> limited = api(missing, made.secret());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("The API key \\\"cms\\\" may make 2 requests a minute");
        assertThat(keys.find(made.key().id()).orElseThrow().lastUsedAt()).isNotNull();

        NewApiKey second = keys.create(alice, "other", 60);
        assertThat(api(missing, second.secret()).statusCode()).isEqualTo(404);
        assertThat(keys.revoke(alice, second.key().id())).isTrue();
        HttpResponse<String> revoked = api(missing, second.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        // Bob cannot revoke Alice's key.
        assertThat(keys.revoke(accounts.find("bob").orElseThrow(), made.key().id())).isFalse();
    }

    @Test
    void anotherUsersArticleIsNotFoundButAnAdminReadsItAndTheShareLinkStaysPublic() throws Exception {
        UUID id = articles.create(ArticleFixtures.draft(SignedIn.ownerOf("alice")));
        articles.complete(id, ArticleFixtures.result("A summary."));
        String aliceKey = keys.create(accounts.find("alice").orElseThrow(), "a", 60).secret();
        String bobKey = keys.create(accounts.find("bob").orElseThrow(), "b", 60).secret();
        String rootKey = keys.create(accounts.find("root").orElseThrow(), "r", 60).secret();

        assertThat(api("/api/v1/articles/" + id, aliceKey).statusCode()).isEqualTo(200);
        assertThat(api("/api/v1/articles/" + id, bobKey).statusCode()).isEqualTo(404);
        assertThat(api("/api/v1/articles/" + id, rootKey).statusCode()).isEqualTo(200);

        // An edit records who made it; another user cannot edit what they cannot see. (Sentence 1: the fixture
        // numbers sentences per paragraph, the pipeline across the article, and only 1 is unique in both.)
        HttpResponse<String> edited = http.send(get("/api/v1/articles/" + id + "/sentences/1")
                .header("X-API-Key", aliceKey).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"target\": \"Civilians are leaving, they added.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.body()).contains("\"editedBy\":\"alice\"").contains("Civilians are leaving, they added.");
        HttpResponse<String> bobEdit = http.send(get("/api/v1/articles/" + id + "/sentences/1")
                .header("X-API-Key", bobKey).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"target\": \"Bob was here\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bobEdit.statusCode()).isEqualTo(404);

        ShareLink link = shares.create(id, SignedIn.ownerOf("alice"), Optional.empty());
        HttpResponse<String> shared = http.send(get(link.path()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).contains("A summary.");
        // Revoking is the owner's or an admin's: Bob's key cannot even see the article.
        HttpResponse<String> bobRevoke = http.send(get("/api/v1/articles/" + id + "/share").header("X-API-Key", bobKey)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bobRevoke.statusCode()).isEqualTo(404);
        HttpResponse<String> rootRevoke = http.send(get("/api/v1/articles/" + id + "/share").header("X-API-Key", rootKey)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rootRevoke.statusCode()).isEqualTo(204);
        assertThat(http.send(get(link.path()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void theSharedPageNamesTheSharerOnlyWhenTheyChoseTo() throws Exception {
        UUID id = articles.create(ArticleFixtures.draft(SignedIn.ownerOf("alice")));
        articles.complete(id, ArticleFixtures.result("A summary."));
        String aliceKey = keys.create(accounts.find("alice").orElseThrow(), "a", 60).secret();

        HttpResponse<String> named = http.send(get("/api/v1/articles/" + id + "/share?showName=true")
                .header("X-API-Key", aliceKey).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(named.body()).contains("\"sharedBy\":\"alice\"");
        String namedPage = http.send(get(new ObjectMapper().readTree(named.body()).get("url").asText()
                .replaceFirst("^https?://[^/]+", "")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(namedPage).contains("Shared by <bdi>alice</bdi>");

        HttpResponse<String> plain = http.send(get("/api/v1/articles/" + id + "/share")
                .header("X-API-Key", aliceKey).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).doesNotContain("sharedBy");
        String plainPage = http.send(get(new ObjectMapper().readTree(plain.body()).get("url").asText()
                .replaceFirst("^https?://[^/]+", "")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(plainPage).contains("A summary.").doesNotContain("Shared by").doesNotContain("alice");
    }

    @Test
    void libreTranslateCallsAndBatchesAreInTheAuditLogWithWhoMadeThem() throws Exception {
        String aliceKey = keys.create(accounts.find("alice").orElseThrow(), "a", 60).secret();

        HttpResponse<String> translated = http.send(get("/translate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\": [\"المعارضة ترفض الضغوط\", \"حلب\"], "
                        + "\"source\": \"ar\", \"target\": \"en\", \"api_key\": \"" + aliceKey + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(200);

        String boundary = "b" + System.nanoTime();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"news.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nid,title,text\nn1,One,نص أول.\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> batch = http.send(get("/api/v1/batches").header("X-API-Key", aliceKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form, java.nio.charset.StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        String batchId = new ObjectMapper().readTree(batch.body()).get("id").asText();

        assertThat(audit.recent(10)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.action()).isEqualTo(AuditLog.TRANSLATED);
            assertThat(e.subject()).isEqualTo("libretranslate");
            assertThat(e.detail()).isEqualTo("2 texts, 23 characters");
        }).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.action()).isEqualTo(AuditLog.BATCH_STARTED);
            assertThat(e.subject()).isEqualTo(batchId);
            assertThat(e.detail()).isEqualTo("1 article from news.csv (preset fast, summary model fast)");
        });
    }

    @Test
    void theActuatorBesidesHealthIsForAdmins() throws Exception {
        String aliceKey = keys.create(accounts.find("alice").orElseThrow(), "a", 60).secret();
        String rootKey = keys.create(accounts.find("root").orElseThrow(), "r", 60).secret();
        assertThat(http.send(get("/actuator/health").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(api("/actuator/prometheus", aliceKey).statusCode()).isEqualTo(403);
        assertThat(api("/actuator/prometheus", rootKey).statusCode()).isEqualTo(200);
        assertThat(http.send(get("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isNotEqualTo(200);

        HttpClient admin = browser();
        signIn(admin, "root", "correct horse battery");
        assertThat(admin.send(get("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> csv = admin.send(get("/admin/audit.csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id,at,actor,action,subject,detail").contains("root,signed-in");

        HttpClient alice = browser();
        signIn(alice, "alice", "correct horse battery");
        assertThat(alice.send(get("/admin/audit.csv").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        assertThat(alice.send(get("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void libreTranslateTakesUserKeysAsApiKey() throws Exception {
        String key = keys.create(accounts.find("alice").orElseThrow(), "weblate", 60).secret();
        HttpResponse<String> without = http.send(get("/detect").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"مرحبا\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).isEqualTo(403);
        HttpResponse<String> with = http.send(get("/detect").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"مرحبا\",\"api_key\":\"" + key + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).isEqualTo(200);
        HttpResponse<String> settings = http.send(get("/frontend/settings").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(settings.body()).contains("\"keyRequired\":true");
    }

    private HttpResponse<String> api(String path, String key) throws Exception {
        HttpRequest.Builder request = get(path);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Posts the login form as a browser would (with the page's CSRF token); answers where it redirects to. */
    private String signIn(HttpClient browser, String name, String password) throws Exception {
        String page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> response = browser.send(get("/login").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
