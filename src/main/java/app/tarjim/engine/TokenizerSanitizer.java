package app.tarjim.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a tokenizer.json before DJL's native tokenizer sees it: the Rust side panics (and takes the JVM with
 * it) on some inputs, e.g. the {@code Precompiled} normalizer with a null charsmap that transformers.js
 * Marian exports carry. Such normalizers are removed and a sanitised copy is written.
 */
final class TokenizerSanitizer {

    private static final Logger LOG = LoggerFactory.getLogger(TokenizerSanitizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param path      the file to give to DJL: the original, or the sanitised copy
     * @param changes   what was changed, empty when the original is used
     * @param vocabSize highest token id plus one, added tokens included
     * @param languages the language-code tokens of a multilingual tokenizer (NLLB, M2M100, mBART), else none
     */
    record Result(Path path, List<String> changes, int vocabSize, LanguageCodes languages) {
    }

    private TokenizerSanitizer() {
    }

    static Result prepare(Path tokenizerJson, Path scratchDir) {
        return prepare(tokenizerJson, scratchDir, null);
    }

    /**
     * @param sourceLanguage for a multilingual tokenizer, the language code its encodings start with (e.g.
     *                       {@code arb_Arab}); null keeps the file's. Ignored for a tokenizer without language codes
     */
    static Result prepare(Path tokenizerJson, Path scratchDir, String sourceLanguage) {
        ObjectNode root = parse(tokenizerJson);
        int vocabSize = validateModel(tokenizerJson, root);
        LanguageCodes languages = LanguageCodes.of(root);
        List<String> changes = new ArrayList<>();
        if (sourceLanguage != null && languages.multilingual()) {
            String change = languages.setSource(root, sourceLanguage, tokenizerJson);
            if (change != null) {
                changes.add(change);
            }
        }
        JsonNode normalizer = root.get("normalizer");
        if (isNullCharsmap(normalizer)) {
            root.putNull("normalizer");
            changes.add("removed normalizer Precompiled with a null precompiled_charsmap");
        } else if (normalizer != null && "Sequence".equals(normalizer.path("type").asText())
                && normalizer.get("normalizers") instanceof ArrayNode list) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                if (isNullCharsmap(it.next())) {
                    it.remove();
                    changes.add("removed Precompiled with a null precompiled_charsmap from the normalizer Sequence");
                }
            }
            if (list.isEmpty()) {
                root.putNull("normalizer");
            }
        }
        if (changes.isEmpty()) {
            return new Result(tokenizerJson, List.of(), vocabSize, languages);
        }
        Path copy = scratchDir.resolve("tokenizer.json");
        try {
            Files.createDirectories(scratchDir);
            JSON.writeValue(copy.toFile(), root);
        } catch (IOException e) {
            throw new ModelLoadException("Cannot write the sanitised copy of " + tokenizerJson + " to " + copy, e);
        }
        LOG.info("Tokenizer {}: {}; loading the sanitised copy {}", tokenizerJson, String.join(", ", changes), copy);
        return new Result(copy, List.copyOf(changes), vocabSize, languages);
    }

    private static ObjectNode parse(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ModelLoadException("Tokenizer file " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ModelLoadException("Cannot read tokenizer file " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ModelLoadException("Tokenizer file " + file + " is not a JSON object");
        }
        return object;
    }

    /** Returns the vocabulary size the tokenizer can emit. */
    private static int validateModel(Path file, ObjectNode root) {
        JsonNode model = root.get("model");
        if (model == null || !model.isObject()) {
            throw new ModelLoadException("Tokenizer file " + file + " has no \"model\" object");
        }
        String type = model.path("type").asText("BPE");
        JsonNode vocab = model.get("vocab");
        if (vocab == null || !(vocab.isArray() || vocab.isObject()) || vocab.isEmpty()) {
            throw new ModelLoadException("Tokenizer file " + file + " has no model.vocab (model type " + type + ")");
        }
        if ("Unigram".equals(type) && !vocab.isArray()) {
            throw new ModelLoadException("Tokenizer file " + file + ": a Unigram model.vocab must be a list");
        }
        if ("BPE".equals(type) && !model.path("merges").isArray()) {
            throw new ModelLoadException("Tokenizer file " + file + " has no model.merges list (BPE model)");
        }
        int size = vocab.isArray() ? vocab.size() : 0;
        if (vocab.isObject()) {
            for (JsonNode id : vocab) {
                size = Math.max(size, id.asInt() + 1);
            }
        }
        for (JsonNode added : root.path("added_tokens")) {
            size = Math.max(size, added.path("id").asInt() + 1);
        }
        return size;
    }

    private static boolean isNullCharsmap(JsonNode normalizer) {
        return normalizer != null && "Precompiled".equals(normalizer.path("type").asText())
                && (!normalizer.has("precompiled_charsmap") || normalizer.get("precompiled_charsmap").isNull());
    }
}
