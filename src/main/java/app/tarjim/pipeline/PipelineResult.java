package app.tarjim.pipeline;

import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.summarize.Summary;
import app.tarjim.pipeline.translate.ArticleTranslation;

import java.time.Duration;

/**
 * A whole article's result.
 *
 * @param translation    sentence-aligned translation
 * @param summary        summary, {@link Summary#none()} when none was asked for
 * @param models         the model folders used, and whether they were the demo models
 * @param translateTime  wall time spent translating (segmentation included)
 * @param summarizeTime  wall time spent summarizing
 */
public record PipelineResult(ArticleTranslation translation, Summary summary, ModelResolution models,
                             Duration translateTime, Duration summarizeTime) {
}
