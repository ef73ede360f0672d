package app.tarjim.pipeline;

import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;

/**
 * What a user asks of the pipeline for one article.
 *
 * @param text     the article as the user wrote it
 * @param summary  summary length, {@link SummaryLength#NONE} for none
 * @param preset   which translation model: fast or quality
 * @param glossary fixed renderings of Arabic terms
 * @param force    translate even though too few of the letters are Arabic (the user chose "Translate anyway");
 *                 the other input checks still apply
 * @param summaryModel which summary model: {@code FAST} the standard one (distilbart-cnn-6-6), {@code QUALITY}
 *                     distilbart-cnn-12-6
 */
public record PipelineRequest(String text, SummaryLength summary, TranslationPreset preset, Glossary glossary,
                              boolean force, TranslationPreset summaryModel) {

    public PipelineRequest {
        summaryModel = summaryModel == null ? TranslationPreset.FAST : summaryModel;
        summary = summary == null ? SummaryLength.MEDIUM : summary;
        preset = preset == null ? TranslationPreset.FAST : preset;
        glossary = glossary == null ? Glossary.EMPTY : glossary;
    }

    public PipelineRequest(String text, SummaryLength summary, TranslationPreset preset, Glossary glossary,
                           boolean force) {
        this(text, summary, preset, glossary, force, TranslationPreset.FAST);
    }

    /** A request that the language check applies to in full. */
    public PipelineRequest(String text, SummaryLength summary, TranslationPreset preset, Glossary glossary) {
        this(text, summary, preset, glossary, false);
    }

    public PipelineRequest withForce(boolean force) {
        return new PipelineRequest(text, summary, preset, glossary, force, summaryModel);
    }

    public PipelineRequest withSummaryModel(TranslationPreset model) {
        return new PipelineRequest(text, summary, preset, glossary, force, model);
    }

    public static PipelineRequest of(String text) {
        return new PipelineRequest(text, null, null, null);
    }
}
