package app.tarjim.ui;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.StoredArticle;
import app.tarjim.pipeline.models.HubEmulator;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.testing.QualityModelsFolder;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first article with the quality preset, on a server that has never fetched it: the page's progress line says
 * how far the download is while the hub (an emulator serving the NLLB fixture as Xenova/nllb-200-distilled-600M)
 * holds the encoder half sent, then the article is translated with it.
 */
@SpringBootTest
class QualityFirstUseViewTest extends MainViewTestBase {

    private static final String REPO = "Xenova/nllb-200-distilled-600M";
    private static final HubEmulator HUB = startHub();
    private static final Path MODELS = emptyModelsFolder();

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("tarjim.models-dir", MODELS::toString);
        registry.add("tarjim.pipeline.hub-url", () -> HUB.hubUrl().toString());
        registry.add("tarjim.pipeline.offline", () -> "false");
        registry.add("tarjim.pipeline.warm-up", () -> "false");
        registry.add("tarjim.pipeline.download-attempts", () -> "1");
    }

    @AfterAll
    static void stopHub() {
        HUB.close();
    }

    @Test
    void whileTheQualityModelIsFetchedTheProgressLineSaysHowFarItIs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HUB.holdOnceAfter(REPO, "onnx/encoder_model_quantized.onnx", 40_000, release);

        view.preset.setValue(TranslationPreset.QUALITY);
        view.input.setValue("الحكومة المصرية أعلنت اتفاق جديد.");
        view.summaryLength.setValue(app.tarjim.pipeline.summarize.SummaryLength.NONE);
        view.translate.click();
        assertThat(view.inputError.getText()).isEmpty();

        String seen = awaitLabel("Fetching " + REPO + " for its first use: ");
        release.countDown();
        assertThat(seen).matches("Fetching " + REPO + " for its first use: \\d+ of \\d+ MB \\(\\d+%\\)\\. The translation "
                + "starts when it is here; you can cancel\\.");

        StoredArticle done = awaitFinished();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.models().translationModel()).contains("nllb-200-distilled-600M");
        assertThat(view.progress.label.getText()).doesNotStartWith("Fetching");
    }

    private String awaitLabel(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            String text = view.progress.label.getText();
            if (text.startsWith(prefix)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The progress line never said \"" + prefix + "…\"; it says: "
                + view.progress.label.getText());
    }

    private static HubEmulator startHub() {
        try {
            HubEmulator hub = new HubEmulator();
            hub.publish(REPO, QualityModelsFolder.NLLB_FIXTURE);
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path emptyModelsFolder() {
        try {
            Path dir = Files.createTempDirectory("tarjim-first-use");
            Files.copy(Path.of("models/registry.json"), dir.resolve("registry.json"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
