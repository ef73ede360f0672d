package app.tarjim.batch;

import app.tarjim.pipeline.models.TranslationPreset;

import java.util.Objects;

/**
 * The models and language check one batch asked for; every item of the batch runs with them.
 *
 * @param preset       translation model: fast (opus-mt) or quality (NLLB-200, non-commercial licence)
 * @param summaryModel summary model: fast (distilbart-cnn-6-6) or quality (distilbart-cnn-12-6)
 * @param force        translate items even when too few of their letters are Arabic; non-Arabic runs are passed
 *                     through untranslated
 */
public record BatchModels(TranslationPreset preset, TranslationPreset summaryModel, boolean force) {

    /** What a batch gets when it asks for nothing: the fast models, the full language check. */
    public static final BatchModels DEFAULT = new BatchModels(TranslationPreset.FAST, TranslationPreset.FAST, false);

    public BatchModels {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(summaryModel, "summaryModel");
    }

    /** Parses the API's and the command line's words; null or blank means fast. */
    public static BatchModels parse(String preset, String summaryModel, boolean force) {
        return new BatchModels(presetOrFast(preset, "preset"), presetOrFast(summaryModel, "summary model"), force);
    }

    private static TranslationPreset presetOrFast(String value, String what) {
        if (value == null || value.isBlank()) {
            return TranslationPreset.FAST;
        }
        try {
            return TranslationPreset.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + what + " '" + value.strip() + "'. Use fast or quality.");
        }
    }
}
