package app.tarjim.pipeline;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tarjim.pipeline.*}.
 *
 * @param maxInputCharacters  longest accepted article, in characters
 * @param minArabicShare      share of letters that must be Arabic
 * @param batchSize           segments per model call
 * @param confidenceThreshold sentences under it are flagged
 * @param hubUrl              where models are fetched from
 * @param offline             never fetch models
 * @param downloadAttempts    tries per model file
 * @param downloadRetryDelay  pause between tries
 * @param concurrentArticles  articles translated at once (each uses {@code threads} cores)
 * @param threads             ONNX Runtime intra-op threads per model
 * @param variant             ONNX weights to load when a folder has several: FP32, QUANTIZED or FP16
 * @param warmUp              load the default models and run one short generation as soon as the app is up
 * @param int8OutputProjection int8 weights: run the tied output projection in int8 (no float32 copy of it; scores
 *                            change slightly), see {@code ModelOptions#int8OutputProjection}
 * @param batching            sentences of concurrent articles, API calls and batch items share model batches
 * @param englishOnlyOutput   multilingual models (NLLB-200) compute their output layer over the ids an English text
 *                            can use only ({@code EnglishVocabulary}); off: over all 256,206
 */
@ConfigurationProperties("tarjim.pipeline")
public record PipelineProperties(
        @DefaultValue("100000") int maxInputCharacters,
        @DefaultValue("0.5") double minArabicShare,
        @DefaultValue("8") int batchSize,
        @DefaultValue("0.5") double confidenceThreshold,
        @DefaultValue("https://huggingface.co") URI hubUrl,
        @DefaultValue("false") boolean offline,
        @DefaultValue("4") int downloadAttempts,
        @DefaultValue("2s") Duration downloadRetryDelay,
        @DefaultValue("32") int concurrentArticles,
        @DefaultValue("0") int threads,
        @DefaultValue("QUANTIZED") app.tarjim.engine.ModelVariant variant,
        @DefaultValue("true") boolean warmUp,
        @DefaultValue("false") boolean int8OutputProjection,
        @DefaultValue Batching batching,
        @DefaultValue("true") boolean englishOnlyOutput) {

    /**
     * Settings under {@code tarjim.pipeline.batching.*} ({@link app.tarjim.engine.SharedBatcher}).
     *
     * @param enabled   one queue per loaded model merges the inputs of concurrent callers; off: each call runs alone
     * @param maxInputs most inputs in one shared batch
     * @param maxTokens most encoder tokens in one shared batch (bounds padding and memory)
     * @param linger    how long an idle model waits for companions before it starts a batch
     * @param parallel  batches run at once per model (each uses {@code threads} cores)
     */
    public record Batching(@DefaultValue("true") boolean enabled, @DefaultValue("16") int maxInputs,
                           @DefaultValue("4096") int maxTokens, @DefaultValue("2ms") Duration linger,
                           @DefaultValue("1") int parallel) {
    }
}
