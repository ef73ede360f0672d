package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * NLLB-200 (M2M100) against Hugging Face: the tiny random fixture made by tools/fixtures (stage {@code nllb}),
 * decoded token-exact against {@code generate(forced_bos_token_id=eng_Latn)}, greedy and beam; and the encoder ids
 * of DJL's tokenizer against {@code NllbTokenizerFast(src_lang="arb_Arab")} on 312 Arabic lines. The fixture's
 * tokenizer.json names eng_Latn as source language, like Xenova's; the engine sets arb_Arab itself. The target
 * language comes from {@link ModelOptions#targetLanguage()}, not from the goldens' parameters.
 */
class NllbGoldenTest {

    static final Path DIR = TestModels.FIXTURES.resolve("models/nllb-tiny-random");
    private static final Path GENERATE = HfGoldenTest.GOLDEN.resolve("nllb_generate.jsonl");
    /** HF's greedy cases decoded by transformers.js 4.3.2 (tools/fixtures/js/generate.mjs) from the same ids. */
    private static final Path TRANSFORMERS_JS = HfGoldenTest.GOLDEN.resolve("nllb_transformersjs_generate.jsonl");
    private static final Path TOKENIZER_IDS = HfGoldenTest.GOLDEN.resolve("nllb_tokenizer_ids.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SCORE_TOLERANCE = 1e-4;
    private static final Map<String, Seq2SeqModel> MODELS = new HashMap<>();

    @AfterAll
    static void closeModels() {
        MODELS.values().forEach(Seq2SeqModel::close);
        MODELS.clear();
    }

    static ModelOptions.Builder arabicToEnglish() {
        return ModelOptions.builder().sourceLanguage("arb_Arab").targetLanguage("eng_Latn").intraOpThreads(1);
    }

    private static Seq2SeqModel model(boolean inGraph) {
        return MODELS.computeIfAbsent("nllb|" + inGraph, k -> Seq2SeqModel.load(DIR,
                arabicToEnglish().reduceInGraph(inGraph).reduceInGraphFrom(0).build()));
    }

    @TestFactory
    Stream<DynamicTest> generateMatchesHuggingFace() {
        List<GoldenCase> cases = GoldenCase.read(GENERATE, HfGoldenTest.ROOT);
        assertThat(cases).hasSizeGreaterThan(20);
        assertThat(cases.stream().filter(c -> c.params().path("num_beams").asInt(4) > 1)).hasSizeGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean inGraph : new boolean[] {true, false}) {
            for (GoldenCase c : cases) {
                tests.add(DynamicTest.dynamicTest(c.name() + (inGraph ? " [in graph]" : " [java]"),
                        () -> check(c, inGraph)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> greedyMatchesTransformersJs() {
        List<GoldenCase> cases = GoldenCase.read(TRANSFORMERS_JS, HfGoldenTest.ROOT);
        assertThat(cases).hasSizeGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean inGraph : new boolean[] {true, false}) {
            for (GoldenCase c : cases) {
                tests.add(DynamicTest.dynamicTest("transformers.js " + c.name() + (inGraph ? " [in graph]" : " [java]"),
                        () -> check(c, inGraph)));
            }
        }
        return tests.stream();
    }

    @Test
    void transformersJsPlainTokenizerCallPutsThePublishedEnglishCodeFirstWhichIsWhyTheEngineSetsArabic()
            throws Exception {
        // transformers.js's tokenizer(text), like the published tokenizer.json, starts with eng_Latn; its translation
        // pipeline sets src_lang itself, as the engine does: the rest of the ids are the same
        long english = model(true).languageCodes().get("eng_Latn");
        long arabic = model(true).languageCodes().get("arb_Arab");
        for (String line : Files.readAllLines(TRANSFORMERS_JS)) {
            JsonNode c = JSON.readTree(line);
            for (int i = 0; i < c.get("inputs").size(); i++) {
                long[] js = GoldenCase.ids(JSON.createArrayNode().add(c.get("js_tokenizer_input_ids").get(i))).get(0);
                long[] ours = model(true).encode(c.get("inputs").get(i).asText());
                assertThat(js[0]).isEqualTo(english);
                assertThat(ours[0]).isEqualTo(arabic);
                assertArrayEquals(Arrays.copyOfRange(js, 1, js.length), Arrays.copyOfRange(ours, 1, ours.length));
            }
        }
    }

    private static void check(GoldenCase golden, boolean inGraph) {
        Seq2SeqModel model = model(inGraph);
        long english = model.languageCodes().get("eng_Latn");
        // HF was called with forced_bos_token_id; for eng_Latn leave it out, so the engine's own setting is used
        GoldenCase c = golden;
        if (golden.params().path("forced_bos_token_id").asLong() == english) {
            ObjectNode params = golden.params().deepCopy();
            params.remove("forced_bos_token_id");
            c = new GoldenCase(golden.name(), golden.model(), golden.modelDir(), params, golden.inputIds(),
                    golden.sequences(), golden.sequencesScores());
        }
        List<List<GeneratedSequence>> out = model.generateFromIds(c.inputIds(), c.overrides(), () -> false);
        int perInput = c.numReturnSequences();
        assertEquals(c.sequences().size(), out.size() * perInput, "number of sequences");
        for (int i = 0; i < out.size(); i++) {
            for (int k = 0; k < perInput; k++) {
                int row = i * perInput + k;
                GeneratedSequence got = out.get(i).get(k);
                assertArrayEquals(c.sequences().get(row), got.outputIds(), "input " + i + " sequence " + k
                        + ": expected " + Arrays.toString(c.sequences().get(row)) + " got "
                        + Arrays.toString(got.outputIds()));
                if (c.sequencesScores() != null) {
                    assertEquals(c.sequencesScores()[row], got.sequenceScore(), SCORE_TOLERANCE, "sequences_scores");
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> tokenizerMatchesNllbTokenizerFast() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(TOKENIZER_IDS).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(300);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.path("src_lang").asText()).isEqualTo("arb_Arab");
            String text = line.path("text").asText();
            long[] expected = GoldenCase.ids(JSON.createArrayNode().add(line.get("ids"))).get(0);
            tests.add(DynamicTest.dynamicTest("line " + i, () -> assertThat(model(true).encode(text))
                    .as("ids of %s", text).isEqualTo(expected)));
        }
        return tests.stream();
    }

    @Test
    void inputStartsWithTheSourceLanguageAndEndsWithEos() {
        Seq2SeqModel model = model(true);
        long[] ids = model.encode("مرحبا");
        assertThat(ids[0]).isEqualTo(model.languageCodes().get("arb_Arab"));
        assertThat(ids[ids.length - 1]).isEqualTo(2L);
        assertThat(model.tokenizerChanges()).contains("source language eng_Latn -> arb_Arab in the post_processor template");
        assertThat(model.defaults().forcedBosTokenId()).isEqualTo(model.languageCodes().get("eng_Latn"));
        assertThat(model.defaults().decoderStartTokenId()).isEqualTo(2L);
    }

    @Test
    void withoutLanguagesTheFileIsUsedAsItIs() {
        try (Seq2SeqModel model = Seq2SeqModel.load(DIR, ModelOptions.builder().intraOpThreads(1).build())) {
            assertThat(model.encode("مرحبا")[0]).isEqualTo(model.languageCodes().get("eng_Latn"));
            assertThat(model.defaults().forcedBosTokenId()).isNull();
            assertThat(model.tokenizerChanges()).isEmpty();
        }
    }

    @Test
    void everyTranslationStartsWithTheTargetLanguage() {
        Seq2SeqModel model = model(true);
        long english = model.languageCodes().get("eng_Latn");
        for (GeneratedSequence s : model.generate(List.of("الحكومة المصرية أعلنت اتفاق جديد", "مرحبا بالعالم"),
                GenerationConfig.builder().numBeams(1).maxNewTokens(6).build(), () -> false).stream()
                .flatMap(List::stream).toList()) {
            assertThat(s.outputIds()[0]).isEqualTo(2L);
            assertThat(s.outputIds()[1]).isEqualTo(english);
        }
    }

    @Test
    void quantizedVariantLoadsAndForcesTheTargetLanguage() {
        try (Seq2SeqModel model = Seq2SeqModel.load(DIR, arabicToEnglish().variant(ModelVariant.QUANTIZED).build())) {
            GeneratedSequence s = model.generate(List.of("مرحبا بالعالم"),
                    GenerationConfig.builder().numBeams(2).maxNewTokens(5).build(), () -> false).get(0).get(0);
            assertThat(s.outputIds()[1]).isEqualTo(model.languageCodes().get("eng_Latn"));
        }
    }

    @Test
    void anUnknownLanguageCodeIsALoadErrorNamingIt() {
        assertThatThrownBy(() -> Seq2SeqModel.load(DIR, arabicToEnglish().targetLanguage("xxx_Yyyy").build()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no language code xxx_Yyyy");
        assertThatThrownBy(() -> Seq2SeqModel.load(DIR, arabicToEnglish().sourceLanguage("ar").build()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no language code ar");
    }

    @Test
    void languagesAreIgnoredForAModelWithoutLanguageCodes() {
        try (Seq2SeqModel marian = Seq2SeqModel.load(TestModels.marianTiny(), arabicToEnglish().build())) {
            assertThat(marian.languageCodes()).isEmpty();
            assertThat(marian.defaults().forcedBosTokenId()).isNull();
        }
    }
}
