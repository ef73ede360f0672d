package app.tarjim.ui;

import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.in.UrlArticleFetcher;
import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.models.HubEmulator;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.testing.QualityModelsFolder;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first article with the quality preset, on a server that has never fetched it: the page's progress line says
 * how far the download is while the hub (an emulator serving the NLLB fixture as Xenova/nllb-200-distilled-600M)
 * holds the encoder half sent, then the article is translated with it.
 */
@SpringBootTest
class QualityFirstUseViewTest {

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
