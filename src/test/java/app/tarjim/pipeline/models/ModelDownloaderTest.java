package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    private static final String REPO = "Xenova/opus-mt-ar-en";

    @TempDir
    Path modelDir;

    private FakeHub hub;
    private final byte[] config = "{\"model_type\":\"marian\"}".getBytes();
    private final byte[] weights = randomBytes(300_000);
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub();
        hub.put(REPO, "config.json", config);
        hub.put(REPO, "onnx/encoder_model_quantized.onnx", weights);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private ModelDownloader downloader(boolean offline) {
        return new ModelDownloader(ModelDownloader.defaultHttpClient(),
                new DownloadSettings(hub.baseUrl(), offline, 3, Duration.ZERO));
    }

    private ModelEntry entry(String configSha, String weightsSha) {
        return new ModelEntry("translation-fast", ModelTask.TRANSLATION, TranslationPreset.FAST, "opus-mt-ar-en",
                REPO, "main", false, "demo/marian-ar-en-demo", null, List.of(
                        new ModelFile("config.json", configSha, (long) config.length, false),
                        new ModelFile("onnx/encoder_model_quantized.onnx", weightsSha, null, false),
                        new ModelFile("onnx/encoder_model.onnx", null, null, true)));
    }

    private ModelEntry entryWithHashes() {
        return entry(FakeHub.sha256(config), FakeHub.sha256(weights));
    }

    private void assertNoPartFiles() throws IOException {
        try (Stream<Path> files = Files.walk(modelDir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void downloadsRequiredFilesInTheHubLayoutAndChecksTheirHashes() throws IOException {
        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        assertThat(modelDir.resolve("config.json")).hasBinaryContent(config);
        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        assertThat(modelDir.resolve("onnx/encoder_model.onnx")).doesNotExist();
        assertNoPartFiles();
        assertThat(hub.requests()).extracting(FakeHub.Request::path).containsExactly(
                "/" + REPO + "/resolve/main/config.json",
                "/" + REPO + "/resolve/main/onnx/encoder_model_quantized.onnx");
    }

    @Test
    void reportsProgressPerFileAndOverall() {
        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        DownloadProgress last = progress.get(progress.size() - 1);
        assertThat(last.file()).isEqualTo("onnx/encoder_model_quantized.onnx");
        assertThat(last.fileBytes()).isEqualTo(weights.length);
        assertThat(last.fileTotal()).isEqualTo(weights.length);
        assertThat(last.overallBytes()).isEqualTo(config.length + weights.length);
        assertThat(last.overallTotal()).isEqualTo(config.length + weights.length);
        assertThat(progress).extracting(DownloadProgress::overallBytes).isSorted();
        assertThat(progress).anySatisfy(p -> assertThat(p.fileBytes()).isBetween(1L, weights.length - 1L));
    }

    @Test
    void aCorruptedDownloadIsRejectedAndRetried() {
        hub.corrupt(REPO, "onnx/encoder_model_quantized.onnx", 2);

        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith(".onnx")).hasSize(3)
                .allSatisfy(r -> assertThat(r.range()).as("a corrupt part is not resumed").isNull());
    }

    @Test
    void aFileThatStaysCorruptFailsClearlyAndLeavesNothingAtTheFinalPath() throws IOException {
        hub.corrupt(REPO, "onnx/encoder_model_quantized.onnx", 99);

        assertThatThrownBy(() -> downloader(false).download(entryWithHashes(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("encoder_model_quantized.onnx")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("expected " + FakeHub.sha256(weights));
        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).doesNotExist();
        assertThat(modelDir.resolve("config.json")).hasBinaryContent(config);
        assertNoPartFiles();
    }

    @Test
    void theHubsLinkedEtagChecksFilesWithoutAHashInTheManifest() {
        hub.sendLinkedEtag(true);
        hub.corrupt(REPO, "onnx/encoder_model_quantized.onnx", 1);

        downloader(false).download(entry(null, null), modelDir, false, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith(".onnx")).hasSize(2);
    }

    @Test
    void theLinkedEtagIsReadFromTheRedirectToTheCdn() {
        hub.sendLinkedEtag(true);
        hub.redirectToCdn(true);
        hub.corrupt(REPO, "onnx/encoder_model_quantized.onnx", 1);

        downloader(false).download(entry(null, null), modelDir, false, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        assertThat(hub.requests()).extracting(FakeHub.Request::path)
                .filteredOn(p -> p.startsWith("/cdn/") && p.endsWith(".onnx")).hasSize(2);
    }

    @Test
    void aDroppedConnectionIsResumedWithARangeRequest() {
        hub.dropConnectionOnceAfter(REPO, "onnx/encoder_model_quantized.onnx", 100_000);

        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        List<FakeHub.Request> weightRequests = hub.requests().stream().filter(r -> r.path().endsWith(".onnx")).toList();
        assertThat(weightRequests).extracting(FakeHub.Request::range).containsExactly(null, "bytes=100000-");
    }

    @Test
    void aPartialFileLeftByAnEarlierRunIsResumed() throws IOException {
        Path part = modelDir.resolve("onnx/encoder_model_quantized.onnx.part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(weights, 5_000));

        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model_quantized.onnx")).hasBinaryContent(weights);
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith(".onnx"))
                .extracting(FakeHub.Request::range).containsExactly("bytes=5000-");
    }

    @Test
    void offlineMakesNoRequestAndListsWhatIsMissing() {
        assertThatThrownBy(() -> downloader(true).download(entryWithHashes(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("Offline")
                .hasMessageContaining("config.json")
                .hasMessageContaining("onnx/encoder_model_quantized.onnx")
                .hasMessageNotContaining("onnx/encoder_model.onnx,");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void filesAlreadyPresentAreNotFetchedAgain() throws IOException {
        Files.write(modelDir.resolve("config.json"), config);

        downloader(false).download(entryWithHashes(), modelDir, false, progress::add);

        assertThat(hub.requests()).extracting(FakeHub.Request::path).noneMatch(p -> p.endsWith("config.json"));
    }

    @Test
    void aMissingFileFailsAtOnceNamingTheUrl() {
        ModelEntry entry = new ModelEntry("x", ModelTask.TRANSLATION, TranslationPreset.FAST, "x", REPO, "main",
                false, "demo", null, List.of(new ModelFile("nope.json", null, null, false)));

        assertThatThrownBy(() -> downloader(false).download(entry, modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("/" + REPO + "/resolve/main/nope.json")
                .hasMessageContaining("HTTP 404");
        assertThat(hub.requests()).hasSize(1);
        assertThat(modelDir.resolve("nope.json")).doesNotExist();
    }

    @Test
    void optionalFilesAreFetchedOnRequest() {
        hub.put(REPO, "onnx/encoder_model.onnx", weights);

        downloader(false).download(entryWithHashes(), modelDir, true, progress::add);

        assertThat(modelDir.resolve("onnx/encoder_model.onnx")).hasBinaryContent(weights);
    }
}
