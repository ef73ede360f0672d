package app.tarjim.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/translate} and {@code POST /api/v1/articles}.
 *
 * @param text     the Arabic article
 * @param summary  short, medium (default), long or none
 * @param preset   fast (default) or quality
 * @param glossary Arabic term to fixed English rendering
 * @param force    translate even when too few of the letters are Arabic (null: false)
 * @param summaryModel fast (default: distilbart-cnn-6-6) or quality (distilbart-cnn-12-6)
 */
public record TranslateRequest(
        @Schema(description = "The Arabic article", requiredMode = Schema.RequiredMode.REQUIRED) String text,
        @Schema(description = "short | medium | long | none", defaultValue = "medium") String summary,
        @Schema(description = "fast | quality", defaultValue = "fast") String preset,
        @Schema(description = "Arabic term → fixed English rendering", example = "{\"زكريا ملاحفجي\": \"Zakaria Malahefji\"}")
        Map<String, String> glossary,
        @Schema(description = "Translate anyway when too few of the letters are Arabic (under half by default: an Arabic text "
                + "quoting English code, names or posts). Without it such a text is refused with 422 and reason not_arabic; "
                + "with it the text is translated and the runs without Arabic letters are copied into the English "
                + "unchanged. Empty, too long or binary input is refused either way.", defaultValue = "false")
        Boolean force,
        @Schema(description = "fast (distilbart-cnn-6-6) | quality (distilbart-cnn-12-6: better summaries, published "
                + "inference time about 1.7x the standard's, fetched on first use; the standard model stands in, with a notice, while it is missing)",
                defaultValue = "fast") String summaryModel) {

    /** Without a summary model choice (the standard one). */
    public TranslateRequest(String text, String summary, String preset, Map<String, String> glossary, Boolean force) {
        this(text, summary, preset, glossary, force, null);
    }
}
