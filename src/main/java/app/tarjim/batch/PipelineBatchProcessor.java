package app.tarjim.batch;

import app.tarjim.article.ArticleResult;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.pipeline.ArticlePipeline;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.summarize.SummaryLength;
import app.tarjim.pipeline.translate.SentenceListener;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Batch items through the same article pipeline as single articles (the batch's models, no glossary), so the
 * pipeline's concurrency limit covers batch workers too.
 */
@Component
class PipelineBatchProcessor implements BatchItemProcessor {

    private final ArticlePipeline pipeline;

    PipelineBatchProcessor(ArticlePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public ArticleResult process(ItemToProcess item, BooleanSupplier cancelled) {
        PipelineRequest request = new PipelineRequest(item.text(), SummaryLength.parse(item.summaryLength()),
                item.models().preset(), null, item.models().force(), item.models().summaryModel());
        return ArticleTranslationJobs.toArticleResult(pipeline.run(request, SentenceListener.NONE, cancelled));
    }
}
