package app.tarjim.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * English-only output vocabulary on the NLLB fixture: the restricted model gives the full model's greedy output
 * whenever every token the full model picked is an allowed one, and only allowed tokens otherwise.
 */
class EnglishOnlyOutputTest {

    private static Seq2SeqModel full;
    private static Seq2SeqModel restricted;
    private static Set<Long> allowed;

    @BeforeAll
    static void load() {
        full = Seq2SeqModel.load(NllbGoldenTest.DIR, NllbGoldenTest.arabicToEnglish().build());
        restricted = Seq2SeqModel.load(NllbGoldenTest.DIR,
                NllbGoldenTest.arabicToEnglish().englishOnlyOutput(true).build());
        allowed = Arrays.stream(EnglishVocabulary.allowedIds(NllbGoldenTest.DIR.resolve("tokenizer.json"), "eng_Latn",
                full.config().vocabSize())).boxed().collect(Collectors.toSet());
    }

    @AfterAll
    static void close() {
        full.close();
        restricted.close();
    }

    @Test
    void theRuleKeepsLatinPiecesSpecialsAndTheTargetLanguageOnly() {
        assertThat(EnglishVocabulary.allowedPiece("\u2581the")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("\u2581café")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("\u20142020,")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("\u2581")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("\u2581Erdoğan")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("Nội")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("€5")).isTrue();
        assertThat(EnglishVocabulary.allowedPiece("\u2581Ελλάδα")).isFalse();
        assertThat(EnglishVocabulary.allowedPiece("\u2581حلب")).isFalse();
        assertThat(EnglishVocabulary.allowedPiece("Москва")).isFalse();
        assertThat(EnglishVocabulary.allowedPiece("")).isFalse();
        Long english = full.languageCodes().get("eng_Latn");
        assertThat(allowed).contains(0L, 1L, 2L, 3L, english)
                .doesNotContain(full.languageCodes().get("arb_Arab"), full.languageCodes().get("fra_Latn"));
        // the fixture's vocabulary is half Arabic: a real share of it is cut away
        assertThat(allowed.size()).isBetween(200, full.config().vocabSize() - 200);
    }

    @Test
    void greedyOutputIsUnchangedWheneverTheFullArgmaxIsAllowed() throws Exception {
        int[] counts = compareGreedy(full, restricted, true);
        assertThat(counts[0]).as("cases whose full output is all allowed").isGreaterThan(10);
        assertThat(counts[1]).as("cases where the restriction had to change the output").isGreaterThan(10);
    }

    @Test
    void beamSearchStaysInsideTheAllowedIds() {
        GeneratedSequence s = restricted.generate(List.of("الحكومة المصرية أعلنت اتفاق جديد"),
                GenerationConfig.builder().numBeams(4).maxNewTokens(10).build(), () -> false).get(0).get(0);
        assertThat(Arrays.stream(s.outputIds()).boxed().toList()).allMatch(allowed::contains);
        assertThat(s.outputIds()[1]).isEqualTo(full.languageCodes().get("eng_Latn"));
    }

    @Test
    void theOutputLayerComputesTheAllowedIdsOnly() {
        assertThat(full.outputIds()).isEqualTo(full.config().vocabSize());
        assertThat(restricted.outputIds()).isEqualTo(allowed.size());
    }

    @Test
    void aDecoderKeepingItsWeightsInAnExternalDataFileIsRestrictedToo() throws Exception {
        Path dir = NllbGoldenTest.DIR.resolveSibling("nllb-tiny-random-external-data");
        List<String> lines = Files.readAllLines(HfGoldenTest.GOLDEN.resolve("nllb_tokenizer_ids.jsonl"));
        GenerationConfig greedy = GenerationConfig.builder().numBeams(1).maxNewTokens(8).build();
        try (Seq2SeqModel external = Seq2SeqModel.load(dir, NllbGoldenTest.arabicToEnglish()
                .englishOnlyOutput(true).build())) {
            assertThat(external.outputIds()).isEqualTo(allowed.size());
            for (String line : lines.subList(0, 20)) {
                String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("text").asText();
                assertThat(external.generate(List.of(text), greedy, () -> false).get(0).get(0).outputIds())
                        .isEqualTo(restricted.generate(List.of(text), greedy, () -> false).get(0).get(0).outputIds());
            }
        }
    }

    @Test
    void aTiedInt8ProjectionAsThePublishedFilesHaveItIsRestrictedWithTheSameOutputWheneverAllowed() throws Exception {
        // MatMul(h, DequantizeLinear(Transpose(E_int8))): the form of Xenova's int8 NLLB decoder
        Path dir = NllbGoldenTest.DIR.resolveSibling("nllb-tiny-random-tied-int8");
        int[] counts;
        try (Seq2SeqModel int8 = Seq2SeqModel.load(dir, NllbGoldenTest.arabicToEnglish()
                .variant(ModelVariant.QUANTIZED).build());
             Seq2SeqModel int8English = Seq2SeqModel.load(dir, NllbGoldenTest.arabicToEnglish()
                     .variant(ModelVariant.QUANTIZED).englishOnlyOutput(true).build())) {
            assertThat(int8English.outputIds()).as("the projection was found and sliced").isEqualTo(allowed.size());
            counts = compareGreedy(int8, int8English, false);
        }
        assertThat(counts[0]).as("cases whose full output is all allowed").isGreaterThan(5);
        assertThat(counts[1]).as("cases where the restriction had to change the output").isGreaterThan(5);
    }

    @Test
    void theInt8FilesProjectionIsRestrictedTooWithTheSameOutputWheneverTheFullArgmaxIsAllowed() throws Exception {
        // quantize_dynamic made the fixture's untied int8 projection a MatMulInteger with its scales
        int[] counts;
        try (Seq2SeqModel int8 = Seq2SeqModel.load(NllbGoldenTest.DIR, NllbGoldenTest.arabicToEnglish()
                .variant(ModelVariant.QUANTIZED).build());
             Seq2SeqModel int8English = Seq2SeqModel.load(NllbGoldenTest.DIR, NllbGoldenTest.arabicToEnglish()
                     .variant(ModelVariant.QUANTIZED).englishOnlyOutput(true).build())) {
            counts = compareGreedy(int8, int8English, false);
        }
        assertThat(counts[0]).as("cases whose full output is all allowed").isGreaterThan(5);
        assertThat(counts[1]).as("cases where the restriction had to change the output").isGreaterThan(5);
    }

    /**
     * Greedy runs of both models over 60 Arabic lines at 2, 3 and 8 new tokens: the restricted model writes allowed
     * ids only, and exactly the full model's output whenever that is all allowed.
     *
     * @param changedWhenDisallowed also require a different output when the full model's is not all allowed
     * @return {runs whose full output was all allowed, runs where it was not}
     */
    private static int[] compareGreedy(Seq2SeqModel fullModel, Seq2SeqModel restrictedModel,
                                       boolean changedWhenDisallowed) throws Exception {
        List<String> lines = Files.readAllLines(HfGoldenTest.GOLDEN.resolve("nllb_tokenizer_ids.jsonl"));
        int same = 0;
        int differs = 0;
        for (int maxNew : new int[] {2, 3, 8}) {
            GenerationConfig greedy = GenerationConfig.builder().numBeams(1).maxNewTokens(maxNew).build();
            for (String line : lines.subList(0, 60)) {
                String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("text").asText();
                long[] a = fullModel.generate(List.of(text), greedy, () -> false).get(0).get(0).outputIds();
                long[] b = restrictedModel.generate(List.of(text), greedy, () -> false).get(0).get(0).outputIds();
                assertThat(Arrays.stream(b).boxed().toList()).as("only allowed ids").allMatch(allowed::contains);
                if (Arrays.stream(a).allMatch(allowed::contains)) {
                    assertThat(b).as("full argmax allowed at every step: %s", text).isEqualTo(a);
                    same++;
                } else {
                    if (changedWhenDisallowed) {
                        assertThat(b).isNotEqualTo(a);
                    }
                    differs++;
                }
            }
        }
        return new int[] {same, differs};
    }
}
