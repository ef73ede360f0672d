package app.tarjim.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken model folders are refused with a {@link ModelLoadException} naming the file; the JVM never dies. */
class ModelLoadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path brokenCopy() {
        return TestModels.copy(TestModels.marianTiny(), tmp.resolve("model"));
    }

    private static ModelOptions options() {
        return ModelOptions.builder().intraOpThreads(1).build();
    }

    @Test
    void loadsMarianWithMergedAndSplitDecoders() {
        try (Seq2SeqModel merged = Seq2SeqModel.load(TestModels.marianTiny(), options());
             Seq2SeqModel split = Seq2SeqModel.load(TestModels.marianTiny(),
                     ModelOptions.builder().intraOpThreads(1).preferMergedDecoder(false).build())) {
            assertThat(merged.usesMergedDecoder()).isTrue();
            assertThat(split.usesMergedDecoder()).isFalse();
            assertThat(merged.info().modelType()).isEqualTo("marian");
            assertThat(merged.info().variant()).isEqualTo(ModelVariant.FP32);
            assertThat(merged.maxInputTokens()).isEqualTo(512);
            GenerationConfig d = merged.defaults();
            long pad = merged.config().vocabSize() - 1;
            assertThat(d.decoderStartTokenId()).isEqualTo(pad);
            assertThat(d.padTokenId()).isEqualTo(pad);
            assertThat(d.eosTokenId()).isZero();
            assertThat(d.forcedEosTokenId()).isZero();
            assertThat(d.badWordsIds()).containsExactly(List.of(pad));
        }
    }

    @Test
    void missingFolder() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> Seq2SeqModel.load(missing, options()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void missingConfig() throws IOException {
        Path dir = brokenCopy();
        Files.delete(dir.resolve("config.json"));
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(dir.resolve("config.json").toString()).hasMessageContaining("Missing");
    }

    @Test
    void missingEncoder() throws IOException {
        Path dir = brokenCopy();
        Files.delete(dir.resolve("onnx/encoder_model.onnx"));
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("encoder_model.onnx");
    }

    @Test
    void missingDecoders() throws IOException {
        Path dir = brokenCopy();
        Files.delete(dir.resolve("onnx/decoder_model_merged.onnx"));
        Files.delete(dir.resolve("onnx/decoder_with_past_model.onnx"));
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_model_merged.onnx").hasMessageContaining("decoder_with_past_model.onnx");
    }

    @Test
    void splitDecoderUsedWhenMergedIsAbsent() throws IOException {
        Path dir = brokenCopy();
        Files.delete(dir.resolve("onnx/decoder_model_merged.onnx"));
        try (Seq2SeqModel model = Seq2SeqModel.load(dir, options())) {
            assertThat(model.usesMergedDecoder()).isFalse();
        }
    }

    @Test
    void corruptOnnx() throws IOException {
        Path dir = brokenCopy();
        Path decoder = dir.resolve("onnx/decoder_model_merged.onnx");
        byte[] bytes = Files.readAllBytes(decoder);
        Files.write(decoder, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(decoder.toString());
    }

    @Test
    void notAnOnnxFileAtAll() throws IOException {
        Path dir = brokenCopy();
        Path encoder = dir.resolve("onnx/encoder_model.onnx");
        Files.writeString(encoder, "this is not a protobuf");
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(encoder.toString());
    }

    @Test
    void configVocabSizeLargerThanLogits() throws IOException {
        Path dir = brokenCopy();
        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        int vocab = config.get("vocab_size").asInt();
        config.put("vocab_size", vocab + 7);
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_model_merged.onnx").hasMessageContaining("vocab_size");
    }

    @Test
    void tokenizerLargerThanConfigVocab() throws IOException {
        Path dir = brokenCopy();
        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        config.put("vocab_size", 10);
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("vocab_size 10");
    }

    @Test
    void configWithoutVocabSize() throws IOException {
        Path dir = brokenCopy();
        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        config.remove("vocab_size");
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json").hasMessageContaining("vocab_size");
    }

    @Test
    void configNotJson() throws IOException {
        Path dir = brokenCopy();
        Files.writeString(dir.resolve("config.json"), "{\"vocab_size\": ");
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void truncatedTokenizerInModel() throws IOException {
        Path dir = brokenCopy();
        Files.copy(TestModels.brokenTokenizer("truncated.json"), dir.resolve("tokenizer.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Seq2SeqModel.load(dir, options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json").toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void nullCharsmapNormalizerIsRemovedAndModelLoads() throws IOException {
        Path dir = brokenCopy();
        ObjectNode tok = (ObjectNode) JSON.readTree(dir.resolve("tokenizer.json").toFile());
        ObjectNode precompiled = JSON.createObjectNode().put("type", "Precompiled").putNull("precompiled_charsmap");
        tok.set("normalizer", precompiled);
        JSON.writeValue(dir.resolve("tokenizer.json").toFile(), tok);
        try (Seq2SeqModel model = Seq2SeqModel.load(dir, options())) {
            assertThat(model.tokenizerChanges()).singleElement().asString().contains("null precompiled_charsmap");
            assertThat(model.countTokens("hello world")).isPositive();
            List<List<GeneratedSequence>> out = model.generate(List.of("hello world"),
                    GenerationConfig.builder().numBeams(1).maxNewTokens(5).build());
            assertThat(out.get(0).get(0).outputIds().length).isBetween(2, 6);
        }
    }
}
