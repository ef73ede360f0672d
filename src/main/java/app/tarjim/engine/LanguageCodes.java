package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The language-code tokens of a multilingual tokenizer (NLLB {@code arb_Arab}, M2M100 {@code __ar__}, mBART
 * {@code ar_AR}): the added special tokens whose content has one of those shapes, as transformers.js finds them.
 * A tokenizer.json of such a model names one source language in its post-processor template (Xenova's NLLB
 * files: {@code eng_Latn $A </s>}); {@link #setSource} puts the wanted one there instead, as transformers.js's
 * {@code _build_translation_inputs} and transformers' {@code src_lang} do.
 */
record LanguageCodes(Map<String, Long> ids) {

    static final LanguageCodes NONE = new LanguageCodes(Map.of());

    private static final Pattern NLLB = Pattern.compile("[a-z]{3}_[A-Z][a-z]{3}");
    private static final Pattern M2M100 = Pattern.compile("__[a-z]{2,3}__");
    private static final Pattern MBART = Pattern.compile("[a-z]{2}_[A-Z]{2}");

    static boolean isLanguageCode(String token) {
        return NLLB.matcher(token).matches() || M2M100.matcher(token).matches() || MBART.matcher(token).matches();
    }

    static LanguageCodes of(JsonNode tokenizerRoot) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JsonNode added : tokenizerRoot.path("added_tokens")) {
            String content = added.path("content").asText("");
            if (added.path("special").asBoolean(false) && isLanguageCode(content)) {
                ids.put(content, added.path("id").asLong());
            }
        }
        return new LanguageCodes(Map.copyOf(ids));
    }

    boolean multilingual() {
        return !ids.isEmpty();
    }

    /** The id of a language code, e.g. {@code eng_Latn}. */
    long id(String code, Path tokenizerFile) {
        Long id = ids.get(code);
        if (id == null) {
            throw new ModelLoadException("Tokenizer file " + tokenizerFile + " has no language code " + code
                    + " (it has " + ids.size() + " language codes, e.g. " + ids.keySet().stream().sorted().limit(5)
                    .toList() + ")");
        }
        return id;
    }

    /**
     * Replaces the language token of the post-processor's templates by {@code code}. Returns a description of
     * the change, or null when the template already names it.
     *
     * @throws ModelLoadException when the tokenizer has no such code, or its post-processor names no language
     */
    String setSource(ObjectNode root, String code, Path tokenizerFile) {
        long id = id(code, tokenizerFile);
        JsonNode post = root.get("post_processor");
        if (!(post instanceof ObjectNode processor) || !"TemplateProcessing".equals(post.path("type").asText())) {
            throw new ModelLoadException("Tokenizer file " + tokenizerFile + " has language codes but its "
                    + "post_processor is not a TemplateProcessing naming the source language; cannot set " + code);
        }
        String previous = null;
        for (String template : new String[] {"single", "pair"}) {
            for (JsonNode item : processor.path(template)) {
                if (item.get("SpecialToken") instanceof ObjectNode special
                        && isLanguageCode(special.path("id").asText(""))) {
                    previous = previous != null ? previous : special.path("id").asText();
                    special.put("id", code);
                }
            }
        }
        if (previous == null) {
            throw new ModelLoadException("Tokenizer file " + tokenizerFile + ": the post_processor template names "
                    + "no language code to replace by " + code);
        }
        if (previous.equals(code)) {
            return null;
        }
        ObjectNode specials = processor.get("special_tokens") instanceof ObjectNode s ? s
                : processor.putObject("special_tokens");
        ObjectNode entry = specials.putObject(code);
        entry.put("id", code);
        ((ArrayNode) entry.putArray("ids")).add(id);
        ((ArrayNode) entry.putArray("tokens")).add(code);
        return "source language " + previous + " -> " + code + " in the post_processor template";
    }
}
