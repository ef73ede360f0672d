package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a golden generate file written by tools/fixtures (Hugging Face or transformers.js). */
record GoldenCase(String name, String model, Path modelDir, JsonNode params, List<long[]> inputIds,
                  List<long[]> sequences, double[] sequencesScores) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<GoldenCase> read(Path file, Path repoRoot) {
        try {
            List<GoldenCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    cases.add(parse(JSON.readTree(line), repoRoot));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldenCase parse(JsonNode n, Path repoRoot) {
        JsonNode scores = n.get("sequences_scores");
        double[] s = null;
        if (scores != null && scores.isArray()) {
            s = new double[scores.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = scores.get(i).asDouble();
            }
        }
        return new GoldenCase(n.path("case").asText(), n.path("model").asText(),
                repoRoot.resolve(n.path("model_dir").asText()).normalize(), n.path("params"),
                ids(n.get("input_ids")), ids(n.get("sequences")), s);
    }

    static List<long[]> ids(JsonNode rows) {
        List<long[]> out = new ArrayList<>();
        for (JsonNode row : rows) {
            long[] ids = new long[row.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = row.get(i).asLong();
            }
            out.add(ids);
        }
        return out;
    }

    int numReturnSequences() {
        return params.path("num_return_sequences").asInt(1);
    }

    /** Maps the explicit HF generate() kwargs of the case onto a {@link GenerationConfig} override. */
    GenerationConfig overrides() {
        GenerationConfig.Builder b = GenerationConfig.builder();
        params.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "num_beams" -> b.numBeams(v.asInt());
                case "max_new_tokens" -> b.maxNewTokens(v.asInt());
                case "max_length" -> b.maxLength(v.asInt());
                case "min_length" -> b.minLength(v.asInt());
                case "min_new_tokens" -> b.minNewTokens(v.asInt());
                case "no_repeat_ngram_size" -> b.noRepeatNgramSize(v.asInt());
                case "repetition_penalty" -> b.repetitionPenalty(v.asDouble());
                case "length_penalty" -> b.lengthPenalty(v.asDouble());
                case "early_stopping" -> b.earlyStopping(v.isBoolean() ? Boolean.toString(v.asBoolean()) : v.asText());
                case "num_return_sequences" -> b.numReturnSequences(v.asInt());
                case "forced_bos_token_id" -> b.forcedBosTokenId(v.isNull() ? null : v.asLong());
                case "forced_eos_token_id" -> b.forcedEosTokenId(v.isNull() ? null : v.asLong());
                case "bad_words_ids" -> b.badWordsIds(ids(v).stream()
                        .map(a -> java.util.Arrays.stream(a).boxed().toList()).toList());
                case "do_sample" -> {
                    if (v.asBoolean()) {
                        throw new IllegalArgumentException("sampling goldens cannot be reproduced");
                    }
                }
                default -> throw new IllegalArgumentException("Golden case " + name + ": unknown parameter "
                        + e.getKey());
            }
        });
        return b.build();
    }
}
