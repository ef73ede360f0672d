package app.tarjim.libretranslate;

import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code POST /translate}, checked in LibreTranslate's order and with its messages.
 *
 * @param q            the texts; one for a string {@code q}
 * @param batch        whether {@code q} was an array, so the answer is one too
 * @param format       {@code text} or {@code html}
 * @param alternatives how many other translations to give besides the best
 * @param glossary     Tarjim's extra: fixed renderings of Arabic terms (clients that do not know it send none)
 */
record TranslateParameters(List<String> q, boolean batch, Language source, String format, int alternatives,
                           Glossary glossary) {

    static TranslateParameters read(RequestValues values, LibreTranslateProperties limits, int maxGlossaryTerms,
                                    ObjectMapper json) {
        JsonNode q = values.node("q");
        if (q == null || (q.isTextual() && q.asText().isEmpty()) || (q.isArray() && q.isEmpty())) {
            throw LibreTranslateException.missing("q");
        }
        String sourceCode = values.text("source");
        if (sourceCode == null || sourceCode.isEmpty()) {
            throw LibreTranslateException.missing("source");
        }
        String target = values.text("target");
        if (target == null || target.isEmpty()) {
            throw LibreTranslateException.missing("target");
        }
        int alternatives = alternatives(values.text("alternatives"), limits.alternativesLimit());
        List<String> texts = texts(q, values.fromJson());
        if (q.isArray() && texts.size() > limits.batchLimit()) {
            throw LibreTranslateException.badRequest("Invalid request: request (" + texts.size()
                    + ") exceeds text limit (" + limits.batchLimit() + ")");
        }
        int characters = texts.stream().mapToInt(t -> t.codePointCount(0, t.length())).sum();
        if (characters > limits.charLimit()) {
            throw LibreTranslateException.badRequest("Invalid request: request (" + characters
                    + ") exceeds text limit (" + limits.charLimit() + ")");
        }
        Language source = Language.source(sourceCode);
        Language.target(target);
        String format = values.text("format");
        format = format == null || format.isEmpty() ? "text" : format;
        if (!format.equals("text") && !format.equals("html")) {
            throw LibreTranslateException.badRequest(format + " format is not supported");
        }
        return new TranslateParameters(texts, q.isArray(), source, format, alternatives,
                glossary(values.node("glossary"), maxGlossaryTerms, json));
    }

    private static List<String> texts(JsonNode q, boolean fromJson) {
        List<String> texts = new ArrayList<>();
        if (q.isArray()) {
            for (JsonNode item : q) {
                if (!item.isTextual()) {
                    throw LibreTranslateException.badRequest("Invalid request: q must be a string or an array of strings");
                }
                texts.add(item.asText());
            }
        } else if (q.isValueNode()) {
            String text = q.asText();
            // LibreTranslate counts form text with \n line endings only (RFC 2046 sends \r\n).
            texts.add(fromJson ? text : String.join("\n", text.lines().toList()));
        } else {
            throw LibreTranslateException.badRequest("Invalid request: q must be a string or an array of strings");
        }
        return texts;
    }

    private static int alternatives(String value, int limit) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        int alternatives;
        try {
            alternatives = Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw LibreTranslateException.badRequest("Invalid request: alternatives parameter is not a number");
        }
        if (alternatives > limit) {
            throw LibreTranslateException.badRequest("Invalid request: alternatives parameter must be <= " + limit);
        }
        return alternatives;
    }

    /** A JSON object of Arabic terms and their English; from a form, the same object as a JSON string. */
    static Glossary glossary(JsonNode node, int maxTerms, ObjectMapper json) {
        if (node == null) {
            return Glossary.EMPTY;
        }
        JsonNode terms = node;
        if (node.isTextual()) {
            if (node.asText().isBlank()) {
                return Glossary.EMPTY;
            }
            try {
                terms = json.readTree(node.asText());
            } catch (Exception e) {
                terms = null;
            }
        }
        if (terms == null || !terms.isObject()) {
            throw LibreTranslateException.badRequest(
                    "Invalid request: glossary must be an object of Arabic terms and their English renderings");
        }
        if (terms.size() > maxTerms) {
            throw LibreTranslateException.badRequest("Invalid request: a glossary may have at most " + maxTerms
                    + " terms; this one has " + terms.size());
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> term : terms.properties()) {
            try {
                entries.add(new GlossaryEntry(term.getKey(), term.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw LibreTranslateException.badRequest(
                        "Invalid request: every glossary entry needs an Arabic term and an English rendering");
            }
        }
        return new Glossary(entries);
    }
}
