package app.tarjim.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelConfigReaderTest {

    @TempDir
    Path dir;

    private ModelFiles files(boolean withGenerationConfig) {
        return new ModelFiles(dir, dir.resolve("config.json"),
                withGenerationConfig ? dir.resolve("generation_config.json") : null, null, null, null, null, null);
    }

    @Test
    void generationConfigWinsAndTokensFallBackToConfig() throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"model_type": "bart", "vocab_size": 100, "max_position_embeddings": 1024, "decoder_layers": 2,
                 "decoder_attention_heads": 4, "d_model": 32, "num_beams": 6, "max_length": 99,
                 "pad_token_id": 1, "eos_token_id": 2, "decoder_start_token_id": 2, "forced_bos_token_id": 0}
                """);
        Files.writeString(dir.resolve("generation_config.json"), """
                {"num_beams": 4, "length_penalty": 2.0, "early_stopping": true, "eos_token_id": [2, 7],
                 "bad_words_ids": [[5], [6, 7]], "no_repeat_ngram_size": 3}
                """);
        ModelConfig c = ModelConfigReader.read(files(true));
        GenerationConfig g = c.generationDefaults();
        assertThat(c.modelType()).isEqualTo("bart");
        assertThat(c.headDim()).isEqualTo(8);
        assertThat(g.numBeams()).isEqualTo(4);
        assertThat(g.maxLength()).as("HF ignores config.json generation fields once generation_config.json exists")
                .isNull();
        assertThat(g.forcedBosTokenId()).isNull();
        assertThat(g.earlyStopping()).isEqualTo("true");
        assertThat(g.eosTokenId()).isEqualTo(2L);
        assertThat(g.padTokenId()).isEqualTo(1L);
        assertThat(g.decoderStartTokenId()).isEqualTo(2L);
        assertThat(g.badWordsIds()).containsExactly(List.of(5L), List.of(6L, 7L));
    }

    @Test
    void withoutGenerationConfigEverythingComesFromConfigAndStartFallsBackToBos() throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"model_type": "t5", "vocab_size": 32128, "num_layers": 6, "num_decoder_layers": 4, "num_heads": 8,
                 "d_model": 512, "d_kv": 64, "n_positions": 512, "bos_token_id": 3, "eos_token_id": 1,
                 "early_stopping": "never"}
                """);
        ModelConfig c = ModelConfigReader.read(files(false));
        assertThat(c.decoderLayers()).isEqualTo(4);
        assertThat(c.headDim()).isEqualTo(64);
        assertThat(c.maxPositionEmbeddings()).isEqualTo(512);
        assertThat(c.generationDefaults().decoderStartTokenId()).isEqualTo(3L);
        assertThat(c.generationDefaults().earlyStopping()).isEqualTo("never");
    }
}
