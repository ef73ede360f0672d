package app.tarjim.batch;

import app.tarjim.article.ArticleResult;

import java.util.function.BooleanSupplier;

/**
 * Translates (and summarizes) one batch item. The worker calls it outside any transaction; the result is
 * stored only if the worker still holds the item afterwards. Implementations should check
 * {@code cancelled} between expensive steps and give up by throwing (say, a
 * {@link app.tarjim.engine.GenerationCancelledException}) once it says true: the job was cancelled, the
 * item's claim was lost or the worker is shutting down. A result returned is stored as the translation.
 */
@FunctionalInterface
public interface BatchItemProcessor {

    ArticleResult process(ItemToProcess item, BooleanSupplier cancelled) throws Exception;
}
