package app.tarjim.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The int8 output projection ({@link ModelOptions#int8OutputProjection()}) on the demo models' int8 files. */
class Int8ProjectionTest {

    private static final Path DEMO = TestModels.ROOT.resolve("models/demo");

    @Test
    void rewritesTheTiedProjectionOncePerGraph(@TempDir Path tmp) {
        Path onnx = DEMO.resolve("marian-ar-en-demo/onnx");
        assertThat(Int8Projection.rewrite(onnx.resolve("decoder_model_merged_quantized.onnx"),
                tmp.resolve("merged.onnx"))).as("one per If branch").isEqualTo(2);
        assertThat(Int8Projection.rewrite(onnx.resolve("decoder_with_past_model_quantized.onnx"),
                tmp.resolve("with_past.onnx"))).isEqualTo(1);
        assertThat(tmp.resolve("merged.onnx")).isNotEmptyFile();
        // untied int8 heads are already MatMulInteger: nothing to rewrite, nothing written
        assertThat(Int8Projection.rewrite(TestModels.marianTiny().resolve("onnx/decoder_model_merged_quantized.onnx"),
                tmp.resolve("tiny.onnx"))).isZero();
        assertThat(tmp.resolve("tiny.onnx")).doesNotExist();
    }

    @Test
    void int8ProjectionTranslatesMostlyLikeTheFloatProjection() {
        List<long[]> inputs = new ArrayList<>();
        for (GoldenCase c : GoldenCase.read(HfGoldenTest.GOLDEN.resolve("hf_generate.jsonl"), HfGoldenTest.ROOT)) {
            if (c.model().equals("marian-ar-en-demo")) {
                inputs.addAll(c.inputIds());
            }
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(10);
        GenerationConfig config = GenerationConfig.builder().numBeams(4).build();
        Path marian = DEMO.resolve("marian-ar-en-demo");
        for (boolean merged : new boolean[] {true, false}) {
            ModelOptions.Builder options = ModelOptions.builder().variant(ModelVariant.QUANTIZED).intraOpThreads(1)
                    .preferMergedDecoder(merged);
            try (Seq2SeqModel folded = Seq2SeqModel.load(marian, options.build());
                 Seq2SeqModel int8 = Seq2SeqModel.load(marian, options.int8OutputProjection(true).build())) {
                List<List<GeneratedSequence>> a = folded.generateFromIds(inputs, config, () -> false);
                List<List<GeneratedSequence>> b = int8.generateFromIds(inputs, config, () -> false);
                int sameIds = 0;
                int sameScores = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    GeneratedSequence x = a.get(i).get(0);
                    GeneratedSequence y = b.get(i).get(0);
                    sameIds += java.util.Arrays.equals(x.outputIds(), y.outputIds()) ? 1 : 0;
                    sameScores += x.logProbSum() == y.logProbSum() ? 1 : 0;
                }
                System.out.printf("int8 projection, demo Marian (%s): %d of %d beam-4 outputs equal the float one%n",
                        merged ? "merged" : "split", sameIds, inputs.size());
                assertThat(sameIds).isGreaterThanOrEqualTo(inputs.size() * 8 / 10);
                assertThat(sameScores).as("the int8 projection is in use: scores move").isLessThan(inputs.size());
            }
        }
    }
}
