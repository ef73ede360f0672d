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
 */
public record TranslateRequest(
        @Schema(description = "The Arabic article", requiredMode = Schema.RequiredMode.REQUIRED) String text,
        @Schema(description = "short | medium | long | none", defaultValue = "medium") String summary,
        @Schema(description = "fast | quality", defaultValue = "fast") String preset,
        @Schema(description = "Arabic term → fixed English rendering", example = "{\"زكريا ملاحفجي\": \"Zakaria Malahefji\"}")
        Map<String, String> glossary) {
}
