package app.tarjim.browser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The main page in real headless Chromium: paste the seed article, translate, look at the result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MainPageBrowserTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireBrowser() {
        Assumptions.assumeTrue(BrowserSession.available(),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
    }

    @Test
    void pastedArticleIsShownRightToLeft() throws Exception {
        String article = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        try (BrowserSession browser = BrowserSession.desktop()) {
            browser.open("http://localhost:" + port + "/");
            browser.waitForVaadin();
            assertThat(browser.driver().getTitle()).contains("Tarjim");

            WebElement input = browser.find("vaadin-text-area.arabic-input");
            browser.paste(input, article);
            browser.find("#translate").click();
            browser.waitUntil(d -> !browser.find(".source-panel").getText().isBlank());
            browser.waitForVaadin();

            WebElement source = browser.find(".source-panel");
            assertThat(source.getCssValue("direction")).isEqualTo("rtl");
            assertThat(source.getText()).contains("المعارضة ترفض الضغوط الأميركية الروسية");
            assertThat(browser.find("#status").getText()).isNotBlank();
            browser.script("arguments[0].scrollIntoView()", browser.find(".panels"));
            Path shot = browser.screenshot("main-desktop");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }
}
