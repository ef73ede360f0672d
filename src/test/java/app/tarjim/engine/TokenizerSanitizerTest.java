package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerSanitizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void nullCharsmapFixtureIsSanitisedAndThenLoadsInDjl() throws IOException {
        Path fixture = TestModels.brokenTokenizer("null-charsmap.json");
        TokenizerSanitizer.Result result = TokenizerSanitizer.prepare(fixture, tmp);
        assertThat(result.path()).isNotEqualTo(fixture);
        assertThat(result.changes()).isNotEmpty();
        JsonNode written = JSON.readTree(result.path().toFile());
        assertThat(written.toString()).doesNotContain("\"precompiled_charsmap\":null");
        try (TextCodec codec = TextCodec.load(fixture, tmp.resolve("codec"))) {
            long[] ids = codec.encode("hello");
            assertThat(ids).isNotEmpty();
        }
    }

    @Test
    void precompiledInsideSequenceIsRemoved() throws IOException {
        Path file = tmp.resolve("seq.json");
        Files.writeString(file, """
                {"model": {"type": "WordLevel", "vocab": {"a": 0, "<unk>": 1}, "unk_token": "<unk>"},
                 "normalizer": {"type": "Sequence", "normalizers": [
                    {"type": "Precompiled", "precompiled_charsmap": null}, {"type": "Lowercase"}]}}
                """);
        TokenizerSanitizer.Result result = TokenizerSanitizer.prepare(file, tmp.resolve("out"));
        JsonNode normalizers = JSON.readTree(result.path().toFile()).path("normalizer").path("normalizers");
        assertThat(normalizers).hasSize(1);
        assertThat(normalizers.get(0).path("type").asText()).isEqualTo("Lowercase");
        assertThat(result.vocabSize()).isEqualTo(2);
    }

    @Test
    void cleanTokenizerIsUsedAsItIs() throws IOException {
        Path file = tmp.resolve("clean.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"b\": 5}}}");
        TokenizerSanitizer.Result result = TokenizerSanitizer.prepare(file, tmp.resolve("out"));
        assertThat(result.path()).isEqualTo(file);
        assertThat(result.changes()).isEmpty();
        assertThat(result.vocabSize()).isEqualTo(6);
    }

    @Test
    void truncatedFixture() {
        Path fixture = TestModels.brokenTokenizer("truncated.json");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(fixture, tmp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(fixture.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void notJsonFixture() {
        Path fixture = TestModels.brokenTokenizer("not-json.json");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(fixture, tmp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(fixture.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void missingVocab() throws IOException {
        Path file = tmp.resolve("novocab.json");
        Files.writeString(file, "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 0}}");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(file, tmp))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("model.vocab");
    }

    @Test
    void missingModel() throws IOException {
        Path file = tmp.resolve("nomodel.json");
        Files.writeString(file, "{\"version\": \"1.0\"}");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(file, tmp))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("\"model\"");
    }

    @Test
    void bpeWithoutMerges() throws IOException {
        Path file = tmp.resolve("bpe.json");
        Files.writeString(file, "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}}}");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(file, tmp))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("merges");
    }

    @Test
    void jsonArrayIsRefused() throws IOException {
        Path file = tmp.resolve("array.json");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> TokenizerSanitizer.prepare(file, tmp))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not a JSON object");
    }
}
