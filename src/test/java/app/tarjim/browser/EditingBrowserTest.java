package app.tarjim.browser;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post-editing in real headless Chromium with the seed article: open a sentence's alternatives and pick one, edit
 * another from the keyboard, make the summary again, download the .docx and read the edits back from it, and see
 * them on the share page in a fresh browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditingBrowserTest {

    private static final String EDIT = "EDITED: the factions held firm in Aleppo.";

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.assumeAvailable();
    }

    @Test
    void alternativesEditSummaryDocxAndShareCarryTheEdits() throws Exception {
        String article = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        try (BrowserSession browser = BrowserSession.sized(1366, 900)) {
            browser.open("http://localhost:" + port + "/");
            browser.waitForVaadin();
            browser.paste(browser.find("vaadin-text-area.arabic-input"), article);
            browser.find("#translate").click();
            browser.waitUntil(d -> d.findElement(By.id("summary")).isDisplayed()
                    && !d.findElement(By.id("summary")).getText().isBlank(), Duration.ofMinutes(3));
            String machineSummary = browser.find("#summary").getText();
            assertThat(browser.find("#summary-state").getText()).isEqualTo("Summary of the machine translation.");

            // Click a sentence: alternatives with their confidence, the Arabic highlighted.
            WebElement first = sentence(browser, 1);
            browser.script("arguments[0].scrollIntoView({block: 'center'})", first);
            first.click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".sentence-editor .alternative")).isEmpty()
                    || d.findElement(By.cssSelector(".alternatives-status")).getText().startsWith("The model has no"),
                    Duration.ofSeconds(60));
            List<WebElement> options = browser.driver().findElements(By.cssSelector(".sentence-editor .alternative"));
            assertThat(options).hasSizeBetween(1, 3);
            assertThat(options.get(0).findElement(By.className("alternative-confidence")).getText()).matches("\\d+%");
            assertThat(browser.find(".source-cell .sentence.editing").getAttribute("data-sid")).isEqualTo("1");
            browser.screenshot("edit-alternatives");
            String picked = options.get(0).findElement(By.tagName("span")).getText();
            options.get(0).click();
            browser.waitUntil(d -> sentence(browser, 1).getText().equals(picked));
            assertThat(sentence(browser, 1).getAttribute("class")).contains("edited");

            // Another sentence from the keyboard: Enter opens it, type, Enter saves.
            WebElement second = sentence(browser, 3);
            browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", second);
            second.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> "3".equals(d.findElement(By.cssSelector(".source-cell .sentence.editing"))
                    .getAttribute("data-sid")));
            WebElement field = browser.waitUntil(d -> d.findElement(By.cssSelector("#sentence-edit-field input")));
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            field.sendKeys(EDIT);
            field.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> sentence(browser, 3).getText().equals(EDIT));
            browser.waitUntil(d -> d.findElement(By.id("glossary-offer")).isDisplayed());
            assertThat(browser.find("#summary-state").getText()).contains("edited since");
            browser.screenshot("edit-saved");
            // The open editor, its alternatives and the glossary offer: no serious accessibility findings.
            Optional<Axe> axe = Axe.load();
            if (axe.isPresent()) {
                List<String> violations = axe.get().violations(browser);
                System.out.println("axe-core with the sentence editor open: " + violations);
                assertThat(violations).noneMatch(v -> v.startsWith("critical ") || v.startsWith("serious "));
            }

            // "Always translate «X» as Y": pick the Arabic word, add the term to this browser's glossary.
            WebElement word = browser.find("#glossary-offer .source-word");
            String arabicTerm = word.getText();
            browser.script("arguments[0].scrollIntoView({block: 'center'})", word);
            word.click();
            browser.waitUntil(d -> d.findElement(By.id("glossary-offer-add")).getText().contains("«" + arabicTerm + "»"));
            browser.find("#glossary-offer-add").click();
            browser.waitUntil(d -> d.findElement(By.id("sentence-edit-message")).getText()
                    .contains("Added to your glossary"));

            // The summary made again from the edited translation.
            browser.find("#regenerate-summary").click();
            browser.waitUntil(d -> d.findElement(By.id("summary-state")).getText()
                    .equals("Summary of the edited translation."), Duration.ofMinutes(2));
            assertThat(browser.find("#summary").getText()).isNotBlank();
            assertThat(machineSummary).isNotBlank();

            // The .docx download carries both edits.
            String href = browser.find("a.download-docx").getAttribute("href");
            String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                        let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                    }).catch(e => done('ERROR ' + e));""", href);
            assertThat(base64).doesNotStartWith("ERROR");
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
                List<String> english = docx.getTables().get(0).getRows().stream().skip(1)
                        .map(XWPFTableRow::getTableCells).map(cells -> cells.get(1).getText()).toList();
                assertThat(english.get(1)).isEqualTo(picked);
                assertThat(english.get(3)).isEqualTo(EDIT);
            }

            // Share, then open the link in a fresh browser: the edited text, said to be edited by a person.
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find("#share"));
            browser.find("#share").click();
            String shareUrl = browser.waitUntil(d -> {
                String v = (String) browser.script("return arguments[0].value", d.findElement(By.id("share-url")));
                return v != null && v.startsWith("http") ? v : null;
            });
            try (BrowserSession stranger = BrowserSession.desktop()) {
                stranger.open(shareUrl);
                String body = stranger.driver().findElement(By.tagName("body")).getText();
                assertThat(body).contains(EDIT).contains(picked).contains("edited by a person");
                assertThat(stranger.driver().findElements(By.cssSelector(".target .edited"))).hasSize(2);
                stranger.screenshot("edit-share-page");
            }

            // The Glossary page lists the term learnt from the edit.
            browser.open("http://localhost:" + port + "/glossary");
            browser.waitForVaadin();
            browser.waitUntil(d -> d.findElement(By.id("glossary-terms")).getText().contains(arabicTerm));
            assertThat(browser.find("#glossary-count").getText()).isEqualTo("1 term.");
            browser.screenshot("edit-glossary-page");
        }
    }

    private static WebElement sentence(BrowserSession browser, int index) {
        return browser.find(".target-cell .sentence[data-sid=\"" + index + "\"]");
    }
}
