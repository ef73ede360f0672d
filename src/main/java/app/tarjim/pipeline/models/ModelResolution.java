package app.tarjim.pipeline.models;

import java.util.List;
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

    /**
     * What users should be told: {@link #DEMO_NOTICE} when a demo model is in use, followed by the reasons any
     * stand-in is used (why the real model is missing, or that the fast model replaces the quality one).
     */
    public Optional<String> notice() {
        List<String> reasons = reasons();
        if (!demo() && reasons.isEmpty()) {
            return Optional.empty();
        }
        String because = String.join(" ", reasons);
        return Optional.of(demo() ? (DEMO_NOTICE + " " + because).strip() : because);
    }

    /** Why each stand-in is used, one sentence each; empty when every model is the one asked for. */
    public List<String> reasons() {
        return models().map(ResolvedModel::reason).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public Optional<ResolvedModel> summarizationModel() {
        return Optional.ofNullable(summarization);
    }

    private Stream<ResolvedModel> models() {
        return Stream.of(translation, summarization).filter(java.util.Objects::nonNull);
    }
}
