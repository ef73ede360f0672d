package app.tarjim.pipeline.models;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models an article will be processed with.
 *
 * @param translation   the translation model
 * @param summarization the summarization model; null when no summary was asked for
 */
public record ModelResolution(ResolvedModel translation, ResolvedModel summarization) {

    /** The sentence to show users whenever a demo model is in use. */
    public static final String DEMO_NOTICE = "Demo models in use: output is illustrative, not a real translation.";

    public boolean demo() {
        return models().anyMatch(ResolvedModel::demo);
    }

    /** {@link #DEMO_NOTICE} when a demo model is in use. */
    public Optional<String> notice() {
        return demo() ? Optional.of(DEMO_NOTICE) : Optional.empty();
    }

    public Optional<ResolvedModel> summarizationModel() {
        return Optional.ofNullable(summarization);
    }

    private Stream<ResolvedModel> models() {
        return Stream.of(translation, summarization).filter(java.util.Objects::nonNull);
    }
}
