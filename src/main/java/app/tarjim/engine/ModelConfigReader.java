package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads config.json and generation_config.json with Hugging Face semantics: when generation_config.json exists
 * its generation settings are used as they are (fields it lacks take HF's defaults, not config.json's), otherwise
 * they come from config.json. Special token ids missing from generation_config.json fall back to config.json, and
 * the decoder start token falls back to bos, as {@code generate()} does.
 */
final class ModelConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelConfigReader() {
    }

    static ModelConfig read(ModelFiles files) {
        JsonNode config = readJson(files.config());
        String modelType = config.path("model_type").asText("");
        int vocabSize = requiredInt(files.config(), config, "vocab_size");
        int maxPositions = firstInt(config, Integer.MAX_VALUE, "max_position_embeddings", "n_positions");
        int layers = firstInt(config, -1, "decoder_layers", "num_decoder_layers", "num_layers");
        if (layers < 1) {
            throw new ModelLoadException("Model file " + files.config() + " gives no decoder layer count "
                    + "(decoder_layers, num_decoder_layers or num_layers)");
        }
        int heads = firstInt(config, -1, "decoder_attention_heads", "num_heads", "num_attention_heads");
        int dModel = firstInt(config, -1, "d_model", "hidden_size");
        int headDim = firstInt(config, heads > 0 && dModel > 0 ? dModel / heads : -1, "d_kv", "head_dim");

        GenerationConfig fromConfig = generationFields(config);
        GenerationConfig defaults;
        if (files.generationConfig() != null) {
            GenerationConfig fromGeneration = generationFields(readJson(files.generationConfig()));
            GenerationConfig tokensOnly = GenerationConfig.builder()
                    .decoderStartTokenId(fromConfig.decoderStartTokenId())
                    .eosTokenId(fromConfig.eosTokenId())
                    .padTokenId(fromConfig.padTokenId())
                    .build();
            defaults = tokensOnly.overriddenBy(fromGeneration);
        } else {
            defaults = fromConfig;
        }
        if (defaults.decoderStartTokenId() == null) {
            Long bos = bosTokenId(files, config);
            defaults = defaults.toBuilder().decoderStartTokenId(bos).build();
        }
        if (defaults.decoderStartTokenId() == null) {
            throw new ModelLoadException("Model file " + files.config()
                    + " defines neither decoder_start_token_id nor bos_token_id");
        }
        return new ModelConfig(modelType, vocabSize, maxPositions, layers, heads, headDim, defaults);
    }

    private static Long bosTokenId(ModelFiles files, JsonNode config) {
        if (files.generationConfig() != null) {
            Long bos = firstLong(readJson(files.generationConfig()).get("bos_token_id"));
            if (bos != null) {
                return bos;
            }
        }
        return firstLong(config.get("bos_token_id"));
    }

    static GenerationConfig generationFields(JsonNode n) {
        return GenerationConfig.builder()
                .numBeams(intOrNull(n, "num_beams"))
                .lengthPenalty(doubleOrNull(n, "length_penalty"))
                .earlyStopping(earlyStopping(n.get("early_stopping")))
                .numReturnSequences(intOrNull(n, "num_return_sequences"))
                .maxLength(intOrNull(n, "max_length"))
                .maxNewTokens(intOrNull(n, "max_new_tokens"))
                .minLength(intOrNull(n, "min_length"))
                .minNewTokens(intOrNull(n, "min_new_tokens"))
                .noRepeatNgramSize(intOrNull(n, "no_repeat_ngram_size"))
                .repetitionPenalty(doubleOrNull(n, "repetition_penalty"))
                .badWordsIds(badWords(n.get("bad_words_ids")))
                .forcedBosTokenId(firstLong(n.get("forced_bos_token_id")))
                .forcedEosTokenId(firstLong(n.get("forced_eos_token_id")))
                .decoderStartTokenId(firstLong(n.get("decoder_start_token_id")))
                .eosTokenId(firstLong(n.get("eos_token_id")))
                .padTokenId(firstLong(n.get("pad_token_id")))
                .build();
    }

    /** HF allows true, false or "never". */
    private static String earlyStopping(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? Boolean.toString(v.booleanValue()) : v.asText();
    }

    private static List<List<Long>> badWords(JsonNode v) {
        if (v == null || !v.isArray()) {
            return null;
        }
        List<List<Long>> out = new ArrayList<>();
        for (JsonNode seq : v) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : seq) {
                ids.add(id.asLong());
            }
            out.add(List.copyOf(ids));
        }
        return List.copyOf(out);
    }

    /** Token ids may be a number or a list (several eos ids); the engine uses the first. */
    private static Long firstLong(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            return v.isEmpty() ? null : v.get(0).asLong();
        }
        return v.asLong();
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static Double doubleOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static int firstInt(JsonNode n, int fallback, String... fields) {
        for (String f : fields) {
            Integer v = intOrNull(n, f);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }

    private static int requiredInt(Path file, JsonNode n, String field) {
        Integer v = intOrNull(n, field);
        if (v == null || v < 1) {
            throw new ModelLoadException("Model file " + file + " has no valid " + field);
        }
        return v;
    }

    static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new ModelLoadException("Model file " + file + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ModelLoadException("Model file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
