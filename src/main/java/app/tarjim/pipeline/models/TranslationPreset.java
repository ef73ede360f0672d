package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;

/** Which translation model to use: the small opus-mt or the transformer-big one. */
public enum TranslationPreset {
    @JsonProperty("fast") FAST,
    @JsonProperty("quality") QUALITY;

    /** Parses "fast" or "quality", any case. */
    public static TranslationPreset parse(String name) {
        return Arrays.stream(values())
                .filter(preset -> preset.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown translation preset '" + name + "'; use fast or quality"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
