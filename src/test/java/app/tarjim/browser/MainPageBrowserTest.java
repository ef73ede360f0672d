package app.tarjim.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow in real headless Chromium with the seed article: paste, watch sentences stream in,
 * get the summary, share it, open the link in a fresh browser, revoke it, see the 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MainPageBrowserTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.assumeAvailable();
    }

    @Test
    void pasteTranslateShareRevoke() throws Exception {
        String article = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        String shareUrl;
        try (BrowserSession browser = BrowserSession.desktop()) {
            browser.open("http://localhost:" + port + "/");
            browser.waitForVaadin();
            assertThat(browser.driver().getTitle()).contains("Tarjim");

            browser.paste(browser.find("vaadin-text-area.arabic-input"), article);
            browser.screenshot("start-desktop");
            browser.find("#translate").click();

            // Streaming: the source sentences are laid out first, English fills in as batches finish.
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".source-panel .sentence")).isEmpty(),
                    Duration.ofSeconds(60));
            WebElement source = browser.find(".source-panel");
            assertThat(source.getCssValue("direction")).isEqualTo("rtl");
            assertThat(source.getText()).contains("المعارضة ترفض الضغوط الأميركية الروسية");

            browser.waitUntil(d -> d.findElement(By.id("summary")).isDisplayed()
                    && !d.findElement(By.id("summary")).getText().isBlank(), Duration.ofMinutes(3));
            List<WebElement> english = browser.driver().findElements(By.cssSelector(".target-panel .sentence"));
            List<WebElement> arabic = browser.driver().findElements(By.cssSelector(".source-panel .sentence"));
            assertThat(english).hasSameSizeAs(arabic);
            assertThat(english).noneMatch(e -> e.getText().equals("…"));
            assertThat(browser.find("#progress-label").getText()).contains("sentences translated");
            assertThat(browser.find("#demo-banner").getText()).contains("Demo models in use");

            // Hovering an English sentence lights up its Arabic counterpart.
            new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(english.get(4)).perform();
            browser.waitUntil(d -> arabic.get(4).getAttribute("class").contains("hl"));

            browser.script("arguments[0].scrollIntoView()", browser.find(".panels"));
            browser.screenshot("translate-desktop");

            browser.find("#share").click();
            browser.waitUntil(d -> {
                String v = (String) browser.script("return arguments[0].value", d.findElement(By.id("share-url")));
                return v != null && v.startsWith("http") ? v : null;
            });
            shareUrl = (String) browser.script("return arguments[0].value", browser.find("#share-url"));
            assertThat(shareUrl).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{22,}");

            // A fresh browser profile (no cookies) opens the shared page.
            try (BrowserSession stranger = BrowserSession.phone()) {
                stranger.open(shareUrl);
                assertThat(stranger.driver().getPageSource()).contains("og:description");
                assertThat(stranger.driver().findElement(By.tagName("body")).getText())
                        .contains(browser.find("#summary").getText());
                stranger.screenshot("share-phone");
                long overflow = (Long) stranger.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow).isLessThanOrEqualTo(0);
            }

            browser.find("#revoke").click();
            browser.waitUntil(d -> d.findElement(By.id("share-status")).getText().contains("revoked"));

            // Reloading the page keeps the article: the address names it, and it is in the history.
            String summary = browser.find("#summary").getText();
            assertThat(browser.driver().getCurrentUrl()).contains("?article=");
            browser.driver().navigate().refresh();
            browser.waitForVaadin();
            browser.waitUntil(d -> d.findElement(By.id("summary")).getText().equals(summary));
            assertThat(browser.driver().findElements(By.cssSelector(".target-panel .sentence"))).hasSameSizeAs(arabic);
            assertThat(browser.find(".history").getText()).contains("المعارضة ترفض الضغوط");
        }
        HttpResponse<String> revoked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(shareUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(404);
    }

    @Test
    void phoneWidthStacksThePanelsWithoutOverflow() throws Exception {
        try (BrowserSession phone = BrowserSession.phone()) {
            phone.open("http://localhost:" + port + "/");
            phone.waitForVaadin();
            phone.paste(phone.find("vaadin-text-area.arabic-input"),
                    "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.\n\nجددت فصائل المعارضة السورية في حلب التمسك بموقفها.");
            phone.find("#translate").click();
            phone.waitUntil(d -> d.findElement(By.id("summary")).isDisplayed(), Duration.ofMinutes(2));
            WebElement sourceColumn = phone.find(".source-panel");
            WebElement targetColumn = phone.find(".target-panel");
            assertThat(targetColumn.getRect().getY()).isGreaterThan(sourceColumn.getRect().getY());
            long overflow = (Long) phone.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).isLessThanOrEqualTo(0);
            phone.script("arguments[0].scrollIntoView()", phone.find(".panels"));
            phone.screenshot("translate-phone");
        }
    }
}
