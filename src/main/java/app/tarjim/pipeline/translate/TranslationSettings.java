package app.tarjim.pipeline.translate;

import app.tarjim.engine.GenerationConfig;

/**
 * @param batchSize           segments per {@code generate} call
 * @param confidenceThreshold sentences under it are flagged, see {@link Confidence}
 * @param maxSegmentTokens    longest segment in tokens; null for the model's input limit
 * @param overrides           generation settings over the model's defaults; null for none
 */
public record TranslationSettings(int batchSize, double confidenceThreshold, Integer maxSegmentTokens,
                                  GenerationConfig overrides) {

    public static TranslationSettings defaults() {
        return new TranslationSettings(8, Confidence.DEFAULT_THRESHOLD, null, null);
    }

    public TranslationSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must lie in [0, 1]");
        }
    }
}
