package app.tarjim.browser;

import app.tarjim.account.Account;
import app.tarjim.account.Accounts;
import app.tarjim.testing.OidcProviders;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mode oidc in real headless Chromium, through a real OpenID Connect provider (mock-oauth2-server with its
 * interactive login page, started here): an anonymous visitor is sent to the provider's sign-in page; Alice signs
 * in there, translates and shares; Bob, signed in through the provider as another subject, sees none of it in his
 * history and cannot open her article by id, but the share link opens for him and for strangers; a user whose
 * groups claim holds tarjim-admin opens her article and the admin page, which lists her as an OIDC account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInBrowserTest {

    static final String CLIENT = OidcProviders.CLIENT;
    /** Interactive: /authorize shows a form (username becomes sub, plus optional JSON claims) instead of signing in at once. */
    static final MockOAuth2Server PROVIDER = OidcProviders.started(true);

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        OidcProviders.signInThrough(PROVIDER, registry);
    }

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void usersSignInThroughTheProviderSeeOnlyTheirOwnWorkButShareLinksStayPublicAndAdminsSeeAll() throws Exception {
        String base = "http://localhost:" + port;
        String articleUrl;
        String shareUrl;
        String summary;
        try (BrowserSession alice = BrowserSession.desktop()) {
            alice.open(base + "/");
            alice.waitUntil(d -> d.getCurrentUrl().startsWith(PROVIDER.authorizationEndpointUrl("default").toString()));
            assertThat(alice.driver().getCurrentUrl()).contains("client_id=" + CLIENT, "redirect_uri=");
            assertThat(alice.find("h2.title").getText()).isEqualTo("Mock OAuth2 Server Sign-in");
            alice.screenshot("oidc-provider-login");
            signInAtProvider(alice, base, "alice-sub", "{\"preferred_username\": \"alice\", \"groups\": [\"newsroom\"]}");
            assertThat(alice.find("#signed-in-as").getText()).isEqualTo("alice");
            assertThat(alice.driver().findElements(By.linkText("Admin"))).isEmpty();
            alice.screenshot("oidc-alice-signed-in");

            alice.paste(alice.find("vaadin-text-area.arabic-input"), SignInBrowserTest.ARTICLE);
            alice.find("#translate").click();
            alice.waitUntil(d -> d.findElement(By.id("summary")).isDisplayed()
                    && !d.findElement(By.id("summary")).getText().isBlank(), Duration.ofMinutes(3));
            summary = alice.find("#summary").getText();
            articleUrl = alice.driver().getCurrentUrl();
            assertThat(articleUrl).contains("?article=");
            alice.find("#share").click();
            alice.waitUntil(d -> !((String) alice.script("return arguments[0].value",
                    d.findElement(By.id("share-url")))).isBlank());
            shareUrl = (String) alice.script("return arguments[0].value", alice.find("#share-url"));
            assertThat(shareUrl).contains("/s/");
        }
        Account aliceAccount = accounts.find("alice").orElseThrow();
        assertThat(aliceAccount.source()).isEqualTo(Account.OIDC);
        assertThat(aliceAccount.admin()).isFalse();
        assertThat(aliceAccount.lastLoginAt()).as("the admin page's Last sign-in").isNotNull();

        try (BrowserSession bob = BrowserSession.desktop()) {
            bob.open(base + "/");
            signInAtProvider(bob, base, "bob-sub", "{\"preferred_username\": \"bob\"}");
            assertThat(bob.find("#signed-in-as").getText()).isEqualTo("bob");
            assertThat(bob.driver().findElements(By.cssSelector(".history-title"))).isEmpty();
            bob.open(articleUrl);
            bob.waitForVaadin();
            bob.waitUntil(d -> d.findElement(By.id("status")).getText().contains("not in this browser's history"));
            assertThat(bob.driver().findElements(By.id("summary"))).noneMatch(e -> e.isDisplayed()
                    && e.getText().equals(summary));
            bob.open(shareUrl);
            bob.waitUntil(d -> d.getPageSource().contains(summary));
            bob.open(base + "/admin");
            bob.waitForVaadin();
            assertThat(bob.driver().findElements(By.id("oidc-accounts-note"))).as("no admin page for bob").isEmpty();
        }

        try (BrowserSession stranger = BrowserSession.desktop()) {
            stranger.open(shareUrl);
            stranger.waitUntil(d -> d.getPageSource().contains(summary));
        }

        try (BrowserSession root = BrowserSession.desktop()) {
            root.open(base + "/");
            signInAtProvider(root, base, "root-sub",
                    "{\"preferred_username\": \"root\", \"groups\": [\"newsroom\", \"tarjim-admin\"]}");
            assertThat(root.find("#signed-in-as").getText()).isEqualTo("root");
            root.open(articleUrl);
            root.waitForVaadin();
            root.waitUntil(d -> d.findElement(By.id("summary")).getText().equals(summary));
            root.waitUntil(d -> d.findElement(By.cssSelector(".history-others")).getText().contains("by alice"));
            root.open(base + "/admin");
            root.waitForVaadin();
            root.waitUntil(d -> d.findElement(By.tagName("vaadin-grid")).getText().contains("alice")
                    || d.getPageSource().contains("alice"));
            // accounts come from the provider: no password-account form, a note saying so
            assertThat(root.find("#oidc-accounts-note").isDisplayed()).isTrue();
            assertThat(root.driver().findElements(By.id("add-user"))).isEmpty();
            String usersGrid = (String) root.script("return arguments[0].textContent", root.find("vaadin-grid"));
            assertThat(usersGrid).contains("alice", "bob", "root", "oidc").doesNotContain("never");
            root.screenshot("oidc-admin");
        }
    }

    /**
     * On the provider's sign-in page (where the app has sent the browser), types the subject and the claims the
     * provider puts in its ID token, submits, and waits until the provider has sent the browser back to the app.
     */
    private static void signInAtProvider(BrowserSession browser, String base, String subject, String claimsJson) {
        String authorize = PROVIDER.authorizationEndpointUrl("default").toString();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(authorize));
        browser.driver().findElement(By.name("username")).sendKeys(subject);
        browser.driver().findElement(By.name("claims")).sendKeys(claimsJson);
        browser.find("form input[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/") && !d.getCurrentUrl().contains("/login"));
        browser.waitForVaadin();
    }
}
