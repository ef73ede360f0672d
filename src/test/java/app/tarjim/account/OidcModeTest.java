package app.tarjim.account;

import app.tarjim.article.ArticleFixtures;
import app.tarjim.article.ArticleService;
import app.tarjim.security.SignedIn;
import app.tarjim.testing.OidcProviders;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mode oidc against a real OpenID Connect provider (mock-oauth2-server, started here): a visitor is sent to
 * the provider and back, signed in as the name in preferred_username; a group makes an admin; each user's
 * account is made at sign-in, their keys work and another user's article is 404 while an admin reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcModeTest {

    static final String CLIENT = OidcProviders.CLIENT;
    static final MockOAuth2Server PROVIDER = OidcProviders.started(false);

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        OidcProviders.signInThrough(PROVIDER, registry);
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    UserApiKeys keys;
    @Autowired
    ArticleService articles;

    @Test
    void visitorsSignInThroughTheProviderAndAGroupMakesAnAdmin() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = plain.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/tarjim");

        HttpResponse<String> carol = signIn("carol-sub", Map.of("preferred_username", "carol",
                "groups", List.of("newsroom", "tarjim-admin")));
        assertThat(carol.statusCode()).isEqualTo(200);
        assertThat(carol.uri().getPath()).isEqualTo("/");
        Account admin = accounts.find("carol").orElseThrow();
        assertThat(admin.source()).isEqualTo(Account.OIDC);
        assertThat(admin.admin()).isTrue();

        HttpResponse<String> dave = signIn("dave-sub", Map.of("preferred_username", "dave", "groups", List.of("newsroom")));
        assertThat(dave.statusCode()).isEqualTo(200);
        assertThat(accounts.find("dave").orElseThrow().admin()).isFalse();

        UUID id = articles.create(ArticleFixtures.draft(SignedIn.ownerOf("carol")));
        String daveKey = keys.create(accounts.find("dave").orElseThrow(), "d", 60).secret();
        String carolKey = keys.create(admin, "c", 60).secret();
        UUID daves = articles.create(ArticleFixtures.draft(SignedIn.ownerOf("dave")));
        assertThat(api("/api/v1/articles/" + id, daveKey).statusCode()).isEqualTo(404);
        assertThat(api("/api/v1/articles/" + daves, daveKey).statusCode()).isEqualTo(200);
        assertThat(api("/api/v1/articles/" + daves, carolKey).statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsTurnedAwayAfterTheProviderSignsItIn() throws Exception {
        assertThat(signIn("erin-sub", Map.of("preferred_username", "erin")).statusCode()).isEqualTo(200);
        accounts.setEnabled("erin", false);
        HttpResponse<String> again = signIn("erin-sub", Map.of("preferred_username", "erin"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.uri().getPath()).isEqualTo("/login");
        assertThat(again.body()).contains("may be disabled in Tarjim", "Sign in with single sign-on");
    }

    /** A fresh browser following every redirect: here, to the provider (which signs in at once), and back. */
    private HttpResponse<String> signIn(String subject, Map<String, Object> claims) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims, 3600));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        return browser.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String path, String key) throws Exception {
        return HttpClient.newHttpClient().send(get(path).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
