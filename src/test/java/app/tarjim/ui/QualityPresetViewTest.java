package app.tarjim.ui;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.StoredArticle;
import app.tarjim.pipeline.models.TranslationPreset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's quality choices end to end on the tiny NLLB fixture standing in for Xenova/nllb-200-distilled-600M
 * (offline), through the real pipeline, rendered by Karibu-Testing.
 */
@SpringBootTest
class QualityPresetViewTest extends MainViewTestBase {

    private static final Path MODELS = app.tarjim.testing.QualityModelsFolder.temporary(true);

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("tarjim.models-dir", MODELS::toString);
        registry.add("tarjim.pipeline.offline", () -> "true");
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
}
