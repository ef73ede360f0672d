package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against {@link HubEmulator} serving the committed demo Marian model as Xenova/opus-mt-ar-en. */
class ModelDownloaderTest {

    private static final String REPO = "Xenova/opus-mt-ar-en";
    private static final Path DEMO = Path.of("models/demo/marian-ar-en-demo");
    private static final String ENCODER = "onnx/encoder_model_quantized.onnx";
    private static final String DECODER = "onnx/decoder_model_merged_quantized.onnx";

    @TempDir
    Path modelDir;

    private HubEmulator hub;
    private String commit;
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHub() throws IOException {
        hub = new HubEmulator();
        commit = hub.publish(REPO, DEMO);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private ModelDownloader downloader(boolean offline, String token) {
        return new ModelDownloader(ModelDownloader.defaultHttpClient(),
                new DownloadSettings(hub.hubUrl(), offline, 3, Duration.ZERO, token, OnnxVariant.QUANTIZED));
    }

    private ModelDownloader downloader() {
        return downloader(false, null);
    }

    private static ModelEntry entry(String repo, String revision, String... required) {
        List<ModelFile> files = Stream.concat(Stream.of("config.json", "tokenizer.json", ENCODER, DECODER),
                Arrays.stream(required)).map(path -> ModelFile.required(path, null)).toList();
        return new ModelEntry("translation-fast", ModelTask.TRANSLATION, TranslationPreset.FAST, "opus-mt-ar-en",
                repo, revision, revision.length() == 40, "demo/marian-ar-en-demo", null, files);
    }

    private static ModelEntry entry() {
        return entry(REPO, "main");
    }

    private static byte[] demoBytes(String path) throws IOException {
        return Files.readAllBytes(DEMO.resolve(path));
    }

    private void assertNoPartFiles() throws IOException {
        try (Stream<Path> files = Files.walk(modelDir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    private List<HubEmulator.Request> requestsFor(String server, String pathEnd) {
        return hub.requests().stream().filter(r -> r.server().equals(server) && r.path().endsWith(pathEnd)).toList();
    }

    private String lfsSha(String path) throws IOException {
        return HubEmulator.sha256(demoBytes(path));
    }

    @Test
    void aHubWhoseNameCannotBeResolvedFailsAtOnceWithoutRetrying() {
        // .invalid never resolves (RFC 2606): what a machine without network sees for huggingface.co.
        ModelDownloader unreachable = new ModelDownloader(ModelDownloader.defaultHttpClient(), new DownloadSettings(
                java.net.URI.create("http://hub.tarjim-test.invalid"), false, 4, Duration.ofSeconds(5), null,
                OnnxVariant.QUANTIZED));
        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> unreachable.download(entry(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("cannot be resolved").hasMessageContaining("tarjim.pipeline.offline=true");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no 5 s pauses between retries")
                .isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void listsTheRepositoryThenFetchesThePreferredVariantAtTheListedCommit() throws IOException {
        downloader().download(entry(), modelDir, false, progress::add);

        for (String path : List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                "special_tokens_map.json", "vocab.json", "source.spm", "target.spm", ENCODER, DECODER)) {
            assertThat(modelDir.resolve(path)).as(path).hasBinaryContent(demoBytes(path));
        }
        // merged decoder only: the split pair and the fp32 graphs are not fetched
        try (Stream<Path> onnx = Files.list(modelDir.resolve("onnx"))) {
            assertThat(onnx.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "encoder_model_quantized.onnx", "decoder_model_merged_quantized.onnx");
        }
        assertNoPartFiles();
        List<HubEmulator.Request> requests = hub.requests();
        assertThat(requests.get(0)).satisfies(first -> {
            assertThat(first.method()).isEqualTo("GET");
            assertThat(first.path()).isEqualTo("/api/models/" + REPO + "/revision/main");
            assertThat(first.query()).isEqualTo("blobs=true");
        });
        assertThat(requests).filteredOn(r -> r.server().equals("hub") && r.path().contains("/resolve/"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.path()).startsWith("/" + REPO + "/resolve/" + commit + "/"));
        assertThat(requests).as("large files come from the CDN")
                .filteredOn(r -> r.server().equals("hub") && r.method().equals("GET") && r.path().endsWith(".onnx"))
                .isEmpty();
        assertThat(requestsFor("cdn", lfsSha(ENCODER))).extracting(HubEmulator.Request::method).containsExactly("GET");
    }

    @Test
    void writesALockWithTheCommitAndEachFilesSizeAndSha256() throws IOException {
        downloader().download(entry(), modelDir, false, progress::add);

        ModelLock lock = ModelLock.read(modelDir).orElseThrow();
        assertThat(lock.source()).isEqualTo("hub");
        assertThat(lock.repo()).isEqualTo(REPO);
        assertThat(lock.revision()).isEqualTo("main");
        assertThat(lock.commit()).isEqualTo(commit);
        assertThat(lock.variant()).isEqualTo("quantized");
        assertThat(lock.files()).hasSize(10).allSatisfy(file -> {
            byte[] content = demoBytes(file.path());
            assertThat(file.size()).isEqualTo(content.length);
            // a sha256 for every file, small ones included: never their git blob id
            assertThat(file.sha256()).isEqualTo(HubEmulator.sha256(content));
        });
    }

    @Test
    void laterStartsTrustTheLockAndMakeNoRequest() {
        downloader().download(entry(), modelDir, false, progress::add);
        hub.clearRequests();

        downloader().download(entry(), modelDir, false, progress::add);
        downloader(true, null).download(entry(), modelDir, false, progress::add);

        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aLockWhoseFilesChangedSizeIsNotTrusted() throws IOException {
        downloader().download(entry(), modelDir, false, progress::add);
        Files.write(modelDir.resolve(ENCODER), new byte[] {1, 2, 3});
        hub.clearRequests();

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
        assertThat(hub.requests()).filteredOn(r -> r.method().equals("GET") && r.path().contains("/resolve/")).isEmpty();
        assertThat(requestsFor("cdn", lfsSha(ENCODER))).hasSize(1);
    }

    @Test
    void theTokenGoesToTheHubButNeverToTheCdn() {
        downloader(false, "hf_secret").download(entry(), modelDir, false, progress::add);

        assertThat(hub.requests()).filteredOn(r -> r.server().equals("hub")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer hf_secret"));
        assertThat(hub.requests()).filteredOn(r -> r.server().equals("cdn")).hasSize(2)
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void headSendsAcceptEncodingIdentityAndReadsTheLinkedHeaders() throws IOException {
        HubClient client = new HubClient(ModelDownloader.defaultHttpClient(), hub.hubUrl(), null);

        HubFileMetadata large = client.fileMetadata(REPO, "main", ENCODER);
        HubFileMetadata small = client.fileMetadata(REPO, "main", "config.json");

        assertThat(large.commit()).isEqualTo(commit);
        assertThat(large.sha256()).isEqualTo(lfsSha(ENCODER));
        assertThat(large.size()).isEqualTo(demoBytes(ENCODER).length);
        assertThat(large.location().getPort()).isEqualTo(hub.cdnUrl().getPort());
        // a weak ETag of a small file is its git blob id: never taken for a sha256
        assertThat(small.linked()).isFalse();
        assertThat(small.sha256()).isNull();
        assertThat(small.gitBlobId()).isEqualTo(HubEmulator.gitBlobId(demoBytes("config.json")));
        assertThat(small.size()).isEqualTo(demoBytes("config.json").length);
        assertThat(small.location().getPort()).isEqualTo(hub.hubUrl().getPort());
        assertThat(hub.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("HEAD");
            assertThat(r.acceptEncoding()).isEqualTo("identity");
        });
    }

    @Test
    void passingHubFailuresAreRetriedButNotRefusals() throws IOException {
        hub.failNext("hub", 2, 503);
        hub.failNext("cdn", 1, 500);

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
        assertThat(hub.requests().subList(0, 3)).extracting(HubEmulator.Request::path)
                .containsOnly("/api/models/" + REPO + "/revision/main");
    }

    @Test
    void aHubThatStaysDownIsNamedAfterTheLastTry() {
        hub.failNext("hub", 99, 503);

        assertThatThrownBy(() -> downloader().download(entry(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("Cannot reach the hub at " + hub.hubUrl() + " for the listing of " + REPO
                        + " after 3 attempts: the hub answered HTTP 503.");
    }

    @Test
    void aCorruptedSmallFileIsCaughtByItsGitBlobIdAndFetchedAgain() throws IOException {
        hub.corrupt(REPO, "tokenizer_config.json", 1);

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve("tokenizer_config.json")).hasBinaryContent(demoBytes("tokenizer_config.json"));
        assertThat(hub.requests()).filteredOn(r -> r.method().equals("GET") && r.path().endsWith("tokenizer_config.json"))
                .hasSize(2);
    }

    @Test
    void aCorruptedLargeFileIsRejectedByItsSha256AndFetchedAgainFromTheStart() throws IOException {
        hub.corrupt(REPO, ENCODER, 2);

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
        assertThat(requestsFor("cdn", lfsSha(ENCODER))).hasSize(3)
                .allSatisfy(r -> assertThat(r.range()).as("a corrupt part is not resumed").isNull());
    }

    @Test
    void aFileThatStaysCorruptFailsClearlyAndLeavesNothingAtTheFinalPath() throws IOException {
        hub.corrupt(REPO, ENCODER, 99);

        assertThatThrownBy(() -> downloader().download(entry(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining(ENCODER)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("expected " + lfsSha(ENCODER));
        assertThat(modelDir.resolve(ENCODER)).doesNotExist();
        assertThat(modelDir.resolve(ModelLock.FILE_NAME)).doesNotExist();
        assertNoPartFiles();
    }

    @Test
    void aConnectionDroppedMidFileIsResumedWithARangeOnTheCdnUrl() throws IOException {
        hub.dropConnectionOnceAfter(REPO, ENCODER, 100_000);

        downloader(false, "hf_secret").download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
        assertThat(requestsFor("cdn", lfsSha(ENCODER))).extracting(HubEmulator.Request::range)
                .containsExactly(null, "bytes=100000-");
    }

    @Test
    void aPartialFileLeftByAnEarlierRunIsResumed() throws IOException {
        Path part = modelDir.resolve(ENCODER + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(demoBytes(ENCODER), 5_000));

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
        assertThat(requestsFor("cdn", lfsSha(ENCODER))).extracting(HubEmulator.Request::range)
                .containsExactly("bytes=5000-");
    }

    @Test
    void aRenamedRepositoryIsFollowedThroughItsRelativeRedirectWithTheToken() throws IOException {
        hub.rename("Helsinki-NLP-old/opus-mt-ar-en", REPO);

        downloader(false, "hf_secret").download(entry("Helsinki-NLP-old/opus-mt-ar-en", "main"), modelDir, false,
                progress::add);

        assertThat(modelDir.resolve(DECODER)).hasBinaryContent(demoBytes(DECODER));
        assertThat(hub.requests()).filteredOn(r -> r.path().startsWith("/Helsinki-NLP-old/")).isNotEmpty();
        assertThat(hub.requests()).filteredOn(r -> r.server().equals("hub") && r.path().startsWith("/" + REPO))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer hf_secret"));
        assertThat(ModelLock.read(modelDir).orElseThrow().repo()).isEqualTo("Helsinki-NLP-old/opus-mt-ar-en");
    }

    @Test
    void aGatedRepositoryWithoutTokenSaysHowToGetAccessWithoutRetrying() {
        hub.gate(REPO, "hf_granted");

        assertThatThrownBy(() -> downloader().download(entry(), modelDir, false, progress::add))
                .isInstanceOf(HubAccessException.class)
                .hasMessage("The repository " + REPO + " is gated: accept its conditions at " + hub.hubUrl() + "/"
                        + REPO + ", then set HF_TOKEN to an access token of that account.");
        assertThat(hub.requests()).filteredOn(r -> r.path().contains("/resolve/")).hasSize(1);
    }

    @Test
    void aGatedRepositoryWithATokenNotGrantedAccessSaysSo() {
        hub.gate(REPO, "hf_granted");

        assertThatThrownBy(() -> downloader(false, "hf_other").download(entry(), modelDir, false, progress::add))
                .isInstanceOf(HubAccessException.class)
                .hasMessageContaining("has not been granted access")
                .hasMessageContaining(hub.hubUrl() + "/" + REPO);
    }

    @Test
    void aGatedRepositoryWithAGrantedTokenDownloads() throws IOException {
        hub.gate(REPO, "hf_granted");

        downloader(false, "hf_granted").download(entry(), modelDir, false, progress::add);

        assertThat(modelDir.resolve(ENCODER)).hasBinaryContent(demoBytes(ENCODER));
    }

    @Test
    void anUnknownRepositoryOrRevisionIsNamed() {
        assertThatThrownBy(() -> downloader().download(entry("Xenova/no-such-model", "main"), modelDir, false,
                progress::add))
                .isInstanceOf(HubAccessException.class)
                .hasMessageStartingWith("The repository Xenova/no-such-model was not found on " + hub.hubUrl())
                .hasMessageContaining("HF_TOKEN");
        assertThatThrownBy(() -> downloader().download(entry(REPO, "v9"), modelDir, false, progress::add))
                .isInstanceOf(HubAccessException.class)
                .hasMessageStartingWith("The repository " + REPO + " has no revision 'v9'");
    }

    @Test
    void aRequiredFileTheRepositoryLacksIsNamedBeforeAnythingIsFetched() {
        hub.delete(REPO, "source.spm");

        assertThatThrownBy(() -> downloader().download(entry(REPO, "main", "source.spm"), modelDir, false,
                progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("lacks source.spm");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void aFileMissingAtTheHubIsAnEntryNotFoundNamingTheFile() {
        HubClient client = new HubClient(ModelDownloader.defaultHttpClient(), hub.hubUrl(), null);

        assertThatThrownBy(() -> client.fileMetadata(REPO, commit, "nope.json"))
                .isInstanceOf(HubAccessException.class)
                .hasMessageStartingWith("The repository " + REPO + " has no file nope.json at revision " + commit);
    }

    @Test
    void aRevisionPinnedToACommitIsListedAndLockedAtThatCommit() {
        ModelEntry pinned = entry(REPO, commit);

        downloader().download(pinned, modelDir, false, progress::add);

        assertThat(hub.requests().get(0).path()).isEqualTo("/api/models/" + REPO + "/revision/" + commit);
        assertThat(ModelLock.read(modelDir).orElseThrow().commit()).isEqualTo(commit);
        assertThat(downloader().isReady(pinned, modelDir)).isTrue();
        assertThat(downloader().isReady(entry(REPO, "0".repeat(40)), modelDir)).as("pinned elsewhere").isFalse();
    }

    @Test
    void offlineMakesNoRequestAndListsWhatIsMissing() {
        assertThatThrownBy(() -> downloader(true, null).download(entry(), modelDir, false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("Offline:")
                .hasMessageContaining("config.json")
                .hasMessageContaining(ENCODER);
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void filesAlreadyPresentAndMatchingTheListingAreNotFetchedAgain() throws IOException {
        Files.write(modelDir.resolve("config.json"), demoBytes("config.json"));
        Files.writeString(modelDir.resolve("vocab.json"), "{\"stale\": 1}");

        downloader().download(entry(), modelDir, false, progress::add);

        assertThat(hub.requests()).extracting(HubEmulator.Request::path).noneMatch(p -> p.endsWith("/config.json"));
        assertThat(modelDir.resolve("vocab.json")).hasBinaryContent(demoBytes("vocab.json"));
    }

    @Test
    void reportsProgressPerFileAndOverallWithTotalsKnownFromTheListing() throws IOException {
        downloader().download(entry(), modelDir, false, progress::add);

        long total = ModelLock.read(modelDir).orElseThrow().files().stream().mapToLong(ModelLock.LockedFile::size).sum();
        assertThat(progress).allSatisfy(p -> assertThat(p.overallTotal()).isEqualTo(total));
        DownloadProgress last = progress.get(progress.size() - 1);
        assertThat(last.file()).as("small files first").endsWith(".onnx");
        assertThat(last.fileBytes()).isEqualTo(demoBytes(last.file()).length);
        assertThat(last.overallBytes()).isEqualTo(total);
        assertThat(progress).extracting(DownloadProgress::overallBytes).isSorted();
        assertThat(progress).anySatisfy(p -> assertThat(p.fileBytes()).isBetween(1L, p.fileTotal() - 1));
    }

    @Test
    void fp32GraphsAreFetchedOnRequestAndAPullToAnotherVariantRemovesTheOldGraphs() throws IOException {
        downloader().download(entry(), modelDir, true, progress::add);
        assertThat(modelDir.resolve("onnx/encoder_model.onnx")).hasBinaryContent(demoBytes("onnx/encoder_model.onnx"));
        assertThat(modelDir.resolve(ENCODER)).exists();

        ModelLock lock = downloader().pull(entry(), modelDir, OnnxVariant.FP32, false, progress::add);

        assertThat(lock.variant()).isEqualTo("fp32");
        assertThat(modelDir.resolve(ENCODER)).doesNotExist();
        assertThat(modelDir.resolve("onnx/decoder_model_merged.onnx")).exists();
    }

    @Test
    void anUnwritableModelsFolderIsOnePlainSentence() throws IOException {
        Path file = modelDir.resolve("not-a-folder");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> downloader().download(entry(), file.resolve("opus"), false, progress::add))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The model folder " + file.resolve("opus") + " cannot be created")
                .hasMessageContaining("--models-dir");
    }
}
