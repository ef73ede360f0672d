package app.tarjim.ui;

import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.in.UrlArticleFetcher;
import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.models.TranslationPreset;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's quality choices end to end on the tiny NLLB fixture standing in for Xenova/nllb-200-distilled-600M
 * (offline), through the real pipeline, rendered by Karibu-Testing.
 */
@SpringBootTest
class QualityPresetViewTest {

    private static final Path MODELS = app.tarjim.testing.QualityModelsFolder.temporary(true);

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("tarjim.models-dir", MODELS::toString);
        registry.add("tarjim.pipeline.offline", () -> "true");
    }

    @Autowired
    ArticleTranslationJobs jobs;
    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    ModelService models;
    @Autowired
    UrlArticleFetcher fetcher;
    @Autowired
    ShareAddress shareAddress;
    @Autowired
    BrowserGlossaries glossaries;
    @Autowired
    ArticleEditing editing;

    private MainView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        view = new MainView(jobs, articles, shares, models, fetcher, shareAddress, glossaries, editing);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theQualityChoicesTranslateWithNllbAndSummarizeWithTheLargerModelAndSayTheLicence() throws Exception {
        assertThat(view.preset.getValue()).as("opt-in").isEqualTo(TranslationPreset.FAST);
        assertThat(view.preset.getItemLabelGenerator().apply(TranslationPreset.QUALITY))
                .isEqualTo("quality (nllb-200-distilled-600M, CC-BY-NC-4.0, non-commercial use only)");

        view.preset.setValue(TranslationPreset.QUALITY);
        view.summaryModel.setValue(TranslationPreset.QUALITY);
        view.input.setValue("الحكومة المصرية أعلنت اتفاق جديد.\n\nالجيش وصل إلى الحدود التركية اليوم.");
        view.translate.click();
        assertThat(view.inputError.getText()).isEmpty();

        StoredArticle done = awaitFinished();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.models().translationModel()).contains("nllb-200-distilled-600M").doesNotContain("demo");
        assertThat(done.models().summarizerModel()).isEqualTo("Xenova/distilbart-cnn-12-6");
        assertThat(view.reading.rows()).hasSize(2);
        // the English-only output layer: the random fixture's Arabic pieces never reach the English column
        assertThat(done.translationText()).isNotBlank().doesNotContainPattern("\\p{IsArabic}");
    }

    private StoredArticle awaitFinished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        UUID id = null;
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            if (id == null) {
                id = articles.recent(BrowserOwner.current(), 1).stream().findFirst().map(a -> a.id()).orElse(null);
            }
            if (id != null) {
                StoredArticle article = articles.find(id).orElseThrow();
                if (article.status().isFinal() && jobs.running(id).isEmpty()) {
                    MockVaadin.clientRoundtrip();
                    return article;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The article did not finish in time");
    }
}
