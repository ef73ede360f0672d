package app.tarjim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.tarjim.pipeline.models.EngineGenerators;
import app.tarjim.pipeline.models.HubEmulator;
import app.tarjim.pipeline.models.HubEnvironment;
import app.tarjim.pipeline.models.ModelLock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tarjim models} against the hub emulator, on the project's registry and committed demo models. */
class ModelsCommandTest {

    private static final Path MARIAN_DEMO = Path.of("models/demo/marian-ar-en-demo");

    @TempDir
    Path modelsDir;

    @TempDir
    Path scratch;

    private HubEmulator hub;
    private String commit;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws IOException {
        Files.copy(Path.of("models/registry.json"), modelsDir.resolve("registry.json"));
        hub = new HubEmulator();
        commit = hub.publish("Xenova/opus-mt-ar-en", MARIAN_DEMO);
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(new ModelsCommand(new EngineGenerators(), new HubEnvironment(env)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--models-dir", modelsDir.toString()));
        return cli.execute(all.toArray(String[]::new));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int pullFast(Map<String, String> env) {
        return run(env, "pull", "translation-fast", "--hub-url", hub.hubUrl().toString());
    }

    private JsonNode listJson() throws IOException {
        assertThat(run("list", "--json")).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static JsonNode role(JsonNode list, String role) {
        for (JsonNode node : list) {
            if (node.get("role").asText().equals(role)) {
                return node;
            }
        }
        throw new AssertionError("no " + role + " in " + list);
    }

    private void assertOneSentence(String stderr) {
        assertThat(stderr.strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void listJsonNamesEveryRoleWithTheContractFields() throws IOException {
        JsonNode list = listJson();

        assertThat(list).hasSize(4);
        JsonNode fast = role(list, "translation-fast");
        assertThat(fast.fieldNames()).toIterable().containsExactly("role", "repo", "revision", "commit", "folder",
                "variant", "state", "files", "licence", "optIn");
        assertThat(fast.get("repo").asText()).isEqualTo("Xenova/opus-mt-ar-en");
        assertThat(fast.get("state").asText()).isEqualTo("missing");
        assertThat(fast.get("commit").isNull()).isTrue();
        assertThat(fast.get("folder").asText()).isEqualTo(modelsDir.resolve("opus-mt-ar-en").toString());
    }

    @Test
    void listShowsEachModelsLicenceAndTheNonCommercialQualityPresetAsOptIn() throws IOException {
        JsonNode list = listJson();
        JsonNode quality = role(list, "translation-quality");
        assertThat(quality.get("repo").asText()).isEqualTo("Xenova/nllb-200-distilled-600M");
        assertThat(quality.get("licence").asText()).isEqualTo("CC-BY-NC-4.0");
        assertThat(quality.get("optIn").asBoolean()).isTrue();
        assertThat(role(list, "translation-fast").get("optIn").asBoolean()).isFalse();
        assertThat(role(list, "summarization-quality").get("repo").asText()).isEqualTo("Xenova/distilbart-cnn-12-6");

        assertThat(run("list")).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("translation-quality ")).findFirst().orElseThrow())
                .contains("Xenova/nllb-200-distilled-600M").endsWith("licence CC-BY-NC-4.0, non-commercial use only (opt-in)");
        assertThat(out.toString().lines().filter(l -> l.startsWith("translation-fast ")).findFirst().orElseThrow())
                .endsWith("licence CC-BY-4.0");
    }

    @Test
    void aPlainPullSkipsTheOptInModelsSayingHowToFetchThem() throws IOException {
        hub.publish("Xenova/distilbart-cnn-6-6", Path.of("models/demo/bart-summarizer-demo"));

        assertThat(run("pull", "--hub-url", hub.hubUrl().toString())).as(err.toString()).isZero();

        assertThat(err.toString()).contains("Skipping translation-quality (Xenova/nllb-200-distilled-600M, "
                + "CC-BY-NC-4.0, non-commercial use only): opt-in; fetch it with models pull translation-quality")
                .contains("Skipping summarization-quality").doesNotContain("Pulling translation-quality");
        assertThat(role(listJson(), "translation-fast").get("state").asText()).isEqualTo("ready");
        assertThat(role(listJson(), "summarization").get("state").asText()).isEqualTo("ready");
        assertThat(role(listJson(), "translation-quality").get("state").asText()).isEqualTo("missing");
    }

    @Test
    void pullFetchesLocksAndShowsAProgressBarThenListAndVerifyAgree() throws IOException {
        assertThat(pullFast(Map.of())).as(err.toString()).isZero();

        assertThat(err.toString()).contains("Pulling translation-fast from Xenova/opus-mt-ar-en (main)")
                .containsPattern("\\[10/10\\] onnx/\\S+ \\[=+\\] \\d+\\.\\d/\\d+\\.\\d MB \\d+\\.\\d MB/s");
        assertThat(out.toString()).startsWith("translation-fast: Xenova/opus-mt-ar-en at commit " + commit
                + ", quantized, 10 files");

        JsonNode fast = role(listJson(), "translation-fast");
        assertThat(fast.get("state").asText()).isEqualTo("ready");
        assertThat(fast.get("commit").asText()).isEqualTo(commit);
        assertThat(fast.get("variant").asText()).isEqualTo("quantized");
        assertThat(fast.get("files")).hasSize(10).allSatisfy(file -> {
            assertThat(file.fieldNames()).toIterable().containsExactly("path", "size", "sha256");
            assertThat(file.get("sha256").asText()).matches("[0-9a-f]{64}");
        });

        assertThat(run("verify")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("translation-fast: ok (10 files)" + System.lineSeparator());
    }

    /**
     * The "done when": a fixture published as Xenova/opus-mt-ar-en behind a token, its ONNX files through
     * the CDN redirect, one connection dropped mid-file; then verify passes and translate uses the real folder.
     */
    @Test
    void pullWithATokenThroughTheCdnAfterADroppedConnectionThenVerifyAndTranslateWithIt() throws IOException {
        hub.gate("Xenova/opus-mt-ar-en", "hf_e2e");
        hub.dropConnectionOnceAfter("Xenova/opus-mt-ar-en", "onnx/decoder_model_merged_quantized.onnx", 100_000);

        assertThat(pullFast(Map.of("HF_TOKEN", "hf_e2e"))).as(err.toString()).isZero();
        // The CDN's signed addresses name the content's sha256, not the file.
        List<HubEmulator.Request> cdn = hub.requests().stream().filter(r -> r.server().equals("cdn")).toList();
        assertThat(cdn).as("ONNX files come from the CDN").isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).as("no token to the CDN").isNull())
                .anySatisfy(r -> assertThat(r.range()).as("resumed with a Range").startsWith("bytes=100000-"));
        assertThat(hub.requests()).filteredOn(r -> r.server().equals("hub")
                        && r.path().endsWith("decoder_model_merged_quantized.onnx")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer hf_e2e"));

        assertThat(run("verify")).as(err.toString()).isZero();

        StringWriter translated = new StringWriter();
        StringWriter problems = new StringWriter();
        CommandLine translate = new CommandLine(new TranslateCommand(new EngineGenerators(),
                new java.io.ByteArrayInputStream("المعارضة ترفض الضغوط الأميركية الروسية في حلب.".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
        translate.setOut(new PrintWriter(translated));
        translate.setErr(new PrintWriter(problems));
        assertThat(translate.execute("--offline", "--json", "--summary", "none", "--models-dir", modelsDir.toString()))
                .as(problems.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(translated.toString());
        assertThat(json.get("demo").asBoolean()).isFalse();
        assertThat(json.get("models").get("translation").get("repo").asText()).isEqualTo("Xenova/opus-mt-ar-en");
        assertThat(json.get("models").get("translation").get("demo").asBoolean()).isFalse();
        assertThat(json.get("translation").asText()).isNotBlank();
    }

    @Test
    void verifyCatchesAFileChangedInPlace() throws IOException {
        pullFast(Map.of());
        Path encoder = modelsDir.resolve("opus-mt-ar-en/onnx/encoder_model_quantized.onnx");
        byte[] bytes = Files.readAllBytes(encoder);
        bytes[bytes.length / 2] ^= 1;
        Files.write(encoder, bytes);

        assertThat(run("verify", "translation-fast")).isEqualTo(ModelsCommand.EXIT_FAILURE);
        assertThat(err.toString()).startsWith("translation-fast: onnx/encoder_model_quantized.onnx has sha256 ")
                .contains("the lock says");
    }

    @Test
    void pullOfAGatedRepositoryUsesHfTokenAndWithoutItSaysWhatToDo() {
        hub.gate("Xenova/opus-mt-ar-en", "hf_granted");

        assertThat(pullFast(Map.of())).isEqualTo(ModelsCommand.EXIT_MODELS_UNAVAILABLE);
        List<String> lines = err.toString().lines().filter(line -> !line.startsWith("Pulling")).toList();
        assertThat(lines).containsExactly("The repository Xenova/opus-mt-ar-en is gated: accept its conditions at "
                + hub.hubUrl() + "/Xenova/opus-mt-ar-en, then set HF_TOKEN to an access token of that account.");

        assertThat(pullFast(Map.of("HF_TOKEN", "hf_granted"))).as(err.toString()).isZero();
    }

    @Test
    void hfEndpointIsTheHubWhenNoHubUrlIsGiven() {
        int status = run(Map.of("HF_ENDPOINT", hub.hubUrl().toString()), "pull", "translation-fast");

        assertThat(status).as(err.toString()).isZero();
        assertThat(hub.requests()).isNotEmpty();
    }

    @Test
    void pullOfAnUnknownRepositoryIsOneSentenceAndExitFour() {
        int status = run("pull", "summarization", "--hub-url", hub.hubUrl().toString());

        assertThat(status).isEqualTo(ModelsCommand.EXIT_MODELS_UNAVAILABLE);
        String problem = err.toString().lines().filter(line -> !line.startsWith("Pulling")).findFirst().orElseThrow();
        assertThat(problem).startsWith("The repository Xenova/distilbart-cnn-6-6 was not found on " + hub.hubUrl());
    }

    @Test
    void badRolesAndVariantsAreOneSentenceAndExitTwo() {
        assertThat(run("pull", "translation-huge")).isEqualTo(ModelsCommand.EXIT_BAD_OPTIONS);
        assertThat(err.toString().strip()).isEqualTo("Unknown role 'translation-huge'; use one of translation-fast, "
                + "translation-quality, summarization, summarization-quality.");

        assertThat(run("pull", "--variant", "int3")).isEqualTo(ModelsCommand.EXIT_BAD_OPTIONS);
        assertOneSentence(err.toString());
    }

    @Test
    void importChecksTheFolderRunsOneGenerationAndRegistersIt() throws IOException {
        int status = run("import", MARIAN_DEMO.toString(), "--as", "translation-quality");

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Imported " + MARIAN_DEMO + " as translation-quality (quantized, 10 files)");
        Path installed = modelsDir.resolve("nllb-200-distilled-600M");
        assertThat(installed.resolve("onnx/encoder_model_quantized.onnx")).exists();
        assertThat(ModelLock.read(installed).orElseThrow().source()).isEqualTo("import");
        assertThat(role(listJson(), "translation-quality").get("state").asText()).isEqualTo("imported");
        assertThat(run("verify", "translation-quality")).isZero();
    }

    @Test
    void importRefusesAMalformedTokenizerBeforeTheNativeTokenizerSeesIt() throws IOException {
        Path broken = copyOfDemo();
        Files.writeString(broken.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Unigram\", \"vocab\": ");

        int status = run("import", broken.toString(), "--as", "translation-quality");

        assertThat(status).isEqualTo(ModelsCommand.EXIT_MODELS_UNAVAILABLE);
        assertThat(err.toString()).startsWith("The model in " + broken + " does not run: Tokenizer file ")
                .contains("is not valid JSON");
        assertOneSentence(err.toString());
        assertThat(modelsDir.resolve("nllb-200-distilled-600M")).doesNotExist();
    }

    @Test
    void importRefusesAFolderWithoutADecoderOrConfig() throws IOException {
        Path noDecoder = copyOfDemo();
        try (Stream<Path> decoders = Files.list(noDecoder.resolve("onnx"))) {
            for (Path decoder : decoders.filter(p -> p.getFileName().toString().startsWith("decoder")).toList()) {
                Files.delete(decoder);
            }
        }
        assertThat(run("import", noDecoder.toString(), "--as", "translation-fast"))
                .isEqualTo(ModelsCommand.EXIT_MODELS_UNAVAILABLE);
        assertThat(err.toString()).startsWith("The folder " + noDecoder + " has no complete ONNX export");

        Files.delete(noDecoder.resolve("config.json"));
        assertThat(run("import", noDecoder.toString(), "--as", "translation-fast"))
                .isEqualTo(ModelsCommand.EXIT_MODELS_UNAVAILABLE);
        assertThat(err.toString().strip()).isEqualTo("The folder " + noDecoder + " has no config.json.");
    }

    @Test
    void removeDeletesTheRolesFolderOnly() {
        pullFast(Map.of());

        assertThat(run("remove", "translation-fast")).isZero();
        assertThat(out.toString()).startsWith("Removed translation-fast");
        assertThat(modelsDir.resolve("opus-mt-ar-en")).doesNotExist();
        assertThat(modelsDir.resolve("registry.json")).exists();

        assertThat(run("remove", "translation-fast")).isZero();
        assertThat(out.toString().strip()).isEqualTo("translation-fast is not installed.");
    }

    @Test
    void theRootCommandOffersModels() {
        StringWriter help = new StringWriter();
        CommandLine root = TarjimCommand.commandLine();
        root.setOut(new PrintWriter(help));
        assertThat(root.execute("models", "--help")).isZero();
        assertThat(help.toString()).contains("list", "pull", "verify", "import", "remove");
    }

    private Path copyOfDemo() throws IOException {
        Path copy = scratch.resolve("export");
        try (Stream<Path> files = Files.walk(MARIAN_DEMO)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve(MARIAN_DEMO.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return copy;
    }
}
