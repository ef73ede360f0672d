package app.tarjim.browser;

import app.tarjim.account.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mode local in real headless Chromium: an anonymous visitor lands on the login page; Alice signs in,
 * translates and shares; Bob, signed in elsewhere, sees none of it in his history and cannot open her article
 * by id, but the share link opens for him and for strangers; the admin opens her article and the admin page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tarjim.security.mode=local")
class SignInBrowserTest {

    static final String ARTICLE = """
            جددت فصائل المعارضة السورية في حلب، اليوم الأحد، التمسّك بموقفها الرافض لجميع عروض الاستسلام والخروج من حلب.

            وقال مصدر في المعارضة إن الفصائل لن تخرج من المدينة.""";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.assumeAvailable();
    }

    @Test
    void usersSeeOnlyTheirOwnWorkButShareLinksStayPublicAndAdminsSeeAll() throws Exception {
        accounts.addLocal("alice", "alice's long password".toCharArray(), false);
        accounts.addLocal("bob", "bob's long password!".toCharArray(), false);
        accounts.addLocal("root", "root's long password".toCharArray(), true);
        String base = "http://localhost:" + port;
        String articleUrl;
        String shareUrl;
        String summary;
        try (BrowserSession alice = BrowserSession.desktop()) {
            alice.open(base + "/");
            alice.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
            assertThat(alice.find("h1").getText()).isEqualTo("Sign in to Tarjim");
            signIn(alice, "alice", "wrong password!!");
            assertThat(alice.find("p.msg").getText()).contains("Wrong name or password");
            signIn(alice, "alice", "alice's long password");
            alice.waitForVaadin();
            assertThat(alice.find("#signed-in-as").getText()).isEqualTo("alice");

            alice.paste(alice.find("vaadin-text-area.arabic-input"), ARTICLE);
            alice.find("#translate").click();
            alice.waitUntil(d -> d.findElement(By.id("summary")).isDisplayed()
                    && !d.findElement(By.id("summary")).getText().isBlank(), Duration.ofMinutes(3));
            summary = alice.find("#summary").getText();
            articleUrl = alice.driver().getCurrentUrl();
            assertThat(articleUrl).contains("?article=");
            alice.find("#share-show-name").click(); // her name on the shared page, by her choice
            alice.find("#share").click();
            alice.waitUntil(d -> !((String) alice.script("return arguments[0].value",
                    d.findElement(By.id("share-url")))).isBlank());
            shareUrl = (String) alice.script("return arguments[0].value", alice.find("#share-url"));
            alice.screenshot("signin-alice-shared");
        }

        try (BrowserSession bob = BrowserSession.desktop()) {
            bob.open(base + "/login");
            signIn(bob, "bob", "bob's long password!");
            bob.waitForVaadin();
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
            assertThat(bob.driver().findElements(By.id("add-user"))).isEmpty();
        }

        try (BrowserSession stranger = BrowserSession.desktop()) {
            stranger.open(shareUrl);
            stranger.waitUntil(d -> d.getPageSource().contains(summary));
            assertThat(stranger.find(".shared-by").getText()).isEqualTo("Shared by alice");
        }

        try (BrowserSession root = BrowserSession.desktop()) {
            root.open(base + "/login");
            signIn(root, "root", "root's long password");
            root.waitForVaadin();
            root.open(articleUrl);
            root.waitForVaadin();
            root.waitUntil(d -> d.findElement(By.id("summary")).getText().equals(summary));
            // admins see all: Alice's article is listed in the admin's history, with her name
            root.waitUntil(d -> d.findElement(By.cssSelector(".history-others")).getText().contains("by alice"));
            root.open(base + "/admin");
            root.waitForVaadin();
            root.waitUntil(d -> d.findElement(By.tagName("vaadin-grid")).getText().contains("alice")
                    || d.getPageSource().contains("alice"));
            assertThat(root.find("#add-user").isDisplayed()).isTrue();
            root.screenshot("signin-admin");
        }
    }

    private static void signIn(BrowserSession browser, String name, String password) {
        browser.find("#username").clear();
        browser.find("#username").sendKeys(name);
        browser.find("#password").sendKeys(password);
        browser.find("#sign-in").click();
        browser.waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
    }
}
