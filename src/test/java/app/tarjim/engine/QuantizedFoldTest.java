package app.tarjim.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The int8 variant with its dequantized weights folded at load ({@link ModelOptions#foldDequantize()}, the
 * default) must generate exactly what ONNX Runtime's default gives (dequantizing every step): the same ids and
 * scores on every golden case's inputs and settings. There are no int8 goldens; the demo models' int8 files have
 * the Transpose, DequantizeLinear, MatMul output projection that the fold removes, the tiny ones do not.
 */
class QuantizedFoldTest {

    private static final Map<String, Seq2SeqModel> MODELS = new HashMap<>();

    @AfterAll
    static void closeModels() {
        MODELS.values().forEach(Seq2SeqModel::close);
        MODELS.clear();
    }

    @Test
    void onlyTheQuantizedModelGraphsGetTheFoldEntry() {
        ModelOptions.Builder int8 = ModelOptions.builder().variant(ModelVariant.QUANTIZED);
        assertThat(OnnxSession.modelGraphEntries(int8.build())).containsEntry("session.disable_quant_qdq", "1");
        assertThat(OnnxSession.modelGraphEntries(int8.foldDequantize(false).build())).isEmpty();
        assertThat(OnnxSession.modelGraphEntries(ModelOptions.defaults())).isEmpty();
        assertThat(OnnxSession.modelGraphEntries(ModelOptions.builder().variant(ModelVariant.FP16).build())).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> foldedInt8GeneratesLikeUnfolded() {
        List<GoldenCase> cases = GoldenCase.read(HfGoldenTest.GOLDEN.resolve("hf_generate.jsonl"), HfGoldenTest.ROOT);
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.model() + "/" + c.name(), () -> check(c)));
    }

    private static void check(GoldenCase c) {
        List<List<GeneratedSequence>> folded = model(c.modelDir(), true).generateFromIds(c.inputIds(),
                c.overrides(), () -> false);
        List<List<GeneratedSequence>> unfolded = model(c.modelDir(), false).generateFromIds(c.inputIds(),
                c.overrides(), () -> false);
        assertThat(folded).hasSameSizeAs(unfolded);
        for (int i = 0; i < folded.size(); i++) {
            assertThat(folded.get(i)).hasSameSizeAs(unfolded.get(i));
            for (int k = 0; k < folded.get(i).size(); k++) {
                GeneratedSequence a = folded.get(i).get(k);
                GeneratedSequence b = unfolded.get(i).get(k);
                assertThat(a.outputIds()).as("input %d sequence %d", i, k).isEqualTo(b.outputIds());
                // float32 sums of the same ids: only the output projection's summation order may differ
                assertThat(a.sequenceScore()).isCloseTo(b.sequenceScore(), offset(1e-4));
            }
        }
    }

    private static Seq2SeqModel model(Path dir, boolean fold) {
        return MODELS.computeIfAbsent(dir + "|" + fold, k -> Seq2SeqModel.load(dir, ModelOptions.builder()
                .variant(ModelVariant.QUANTIZED).foldDequantize(fold).intraOpThreads(1).build()));
    }
}
