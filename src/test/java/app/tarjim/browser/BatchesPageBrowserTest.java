package app.tarjim.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Batches page in real Chromium: upload a CSV with one broken line, watch it finish, see the downloads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchesPageBrowserTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.assumeAvailable();
    }

    @Test
    void uploadedCsvIsTranslatedWithItsProblemReported(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("articles.csv");
        Files.writeString(csv, """
                id,title,text
                a1,حلب,المعارضة ترفض الضغوط الأميركية الروسية في حلب.
                a2,broken,"unclosed quote
                a3,روسيا,الولايات المتحدة انضمت إلى روسيا.
                """);
        try (BrowserSession browser = BrowserSession.desktop()) {
            browser.open("http://localhost:" + port + "/batches");
            browser.waitForVaadin();
            WebElement upload = browser.find("vaadin-upload.batch-upload");
            WebElement fileInput = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
            fileInput.sendKeys(csv.toAbsolutePath().toString());

            browser.waitUntil(d -> d.findElements(By.cssSelector(".batch-job")).size() > 0, Duration.ofSeconds(30));
            browser.waitUntil(d -> d.findElement(By.cssSelector(".batch-job-counts")).getText().startsWith("2/2 done"),
                    Duration.ofMinutes(2));
            String card = browser.find(".batch-job").getText();
            assertThat(card).contains("line");
            assertThat(browser.driver().findElements(By.cssSelector(".batch-download"))).isNotEmpty();
            browser.screenshot("batches-desktop");

            // the same file again with the quality model, mixed-language articles translated anyway
            Path quality = Files.copy(csv, dir.resolve("quality.csv"));
            browser.driver().findElements(By.cssSelector("vaadin-radio-button")).stream()
                    .filter(b -> b.getText().startsWith("quality")).findFirst().orElseThrow().click();
            browser.find("vaadin-checkbox.batch-force").click();
            browser.waitForVaadin(); // the choices reach the server before the file does
            // the input keeps the files sent to it before: empty it, or articles.csv would go up again
            WebElement input = browser.find("vaadin-upload.batch-upload").getShadowRoot()
                    .findElement(By.cssSelector("input[type=file]"));
            browser.script("arguments[0].value = ''", input);
            input.sendKeys(quality.toAbsolutePath().toString());
            browser.waitUntil(d -> d.findElements(By.cssSelector(".batch-job")).size() == 2, Duration.ofSeconds(60));
            browser.waitUntil(d -> d.findElements(By.cssSelector(".batch-job")).get(0)
                    .findElement(By.cssSelector(".batch-job-counts")).getText().startsWith("2/2 done"),
                    Duration.ofMinutes(2));
            WebElement newest = browser.driver().findElements(By.cssSelector(".batch-job")).get(0);
            assertThat(newest.findElement(By.cssSelector(".batch-job-models")).getText())
                    .isEqualTo("Translation: quality · Summaries: standard (distilbart-cnn-6-6) · Few Arabic letters: "
                            + "translated anyway");
            // no real model here: the card says what stood in for the quality one, and why
            assertThat(newest.findElement(By.cssSelector(".batch-job-stand-in")).getText())
                    .startsWith("Neither the quality nor the fast translation model is available");
            browser.screenshot("batches-quality-desktop");
        }
    }
}
