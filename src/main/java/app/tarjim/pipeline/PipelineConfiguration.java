package app.tarjim.pipeline;

import app.tarjim.pipeline.input.InputLimits;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.pipeline.models.DownloadSettings;
import app.tarjim.pipeline.models.ModelDownloader;
import app.tarjim.pipeline.models.ModelProvider;
import app.tarjim.pipeline.models.ModelRegistry;
import app.tarjim.pipeline.models.OnnxVariant;
import app.tarjim.pipeline.text.TextNormalizer;
import app.tarjim.pipeline.translate.TranslationSettings;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import app.tarjim.engine.SharedBatcher;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.models.EngineGenerators;
import app.tarjim.pipeline.models.GeneratorFactory;
import app.tarjim.pipeline.models.TranslationPreset;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wires the plain pipeline classes from {@link PipelineProperties} and {@code tarjim.models-dir}. */
@Configuration
@EnableConfigurationProperties(PipelineProperties.class)
public class PipelineConfiguration {

    @Bean
    TextNormalizer textNormalizer() {
        return new TextNormalizer();
    }

    @Bean
    InputValidator inputValidator(PipelineProperties properties) {
        return new InputValidator(new InputLimits(properties.maxInputCharacters(), properties.minArabicShare()));
    }

    @Bean
    TranslationSettings translationSettings(PipelineProperties properties) {
        return new TranslationSettings(properties.batchSize(), properties.confidenceThreshold(), null, null);
    }

    /** Lazy: the app starts (and says what is wrong) even when the models folder has no registry yet. */
    @Bean
    @Lazy
    ModelRegistry modelRegistry(@Value("${tarjim.models-dir:}") String modelsDir,
                                @Value("${tarjim.data-dir:./data}") String dataDir) {
        // Demo models carried in the jar are extracted once into the data directory.
        return ModelRegistry.load(ModelsFolder.resolve(modelsDir, dataDir), Path.of(dataDir).resolve("model-cache"));
    }

    @Bean
    ModelDownloader modelDownloader(PipelineProperties properties) {
        return new ModelDownloader(ModelDownloader.defaultHttpClient(), new DownloadSettings(properties.hubUrl(),
                properties.offline(), properties.downloadAttempts(), properties.downloadRetryDelay())
                .withVariant(OnnxVariant.parse(properties.variant().name())));
    }

    @Bean
    @Lazy
    ModelProvider modelProvider(ModelRegistry registry, ModelDownloader downloader) {
        return new ModelProvider(registry, downloader);
    }

    @Bean
    ModelService modelService(ObjectProvider<ModelProvider> provider) {
        return new ModelService(provider::getObject);
    }

    /** The engine's loader, with the variant preferred by configuration when the folder has it. */
    @Bean
    GeneratorFactory generatorFactory(PipelineProperties properties) {
        return dir -> {
            ModelVariant variant = Files.exists(dir.resolve("onnx/encoder_model" + properties.variant().fileSuffix() + ".onnx"))
                    ? properties.variant() : ModelVariant.FP32;
            ModelOptions.Builder options = ModelOptions.builder().variant(variant)
                    .int8OutputProjection(properties.int8OutputProjection())
                    .englishOnlyOutput(properties.englishOnlyOutput())
                    .sourceLanguage(EngineGenerators.SOURCE_LANGUAGE).targetLanguage(EngineGenerators.TARGET_LANGUAGE);
            if (properties.threads() > 0) {
                options.intraOpThreads(properties.threads());
            }
            return Seq2SeqModel.load(dir, options.build());
        };
    }

    @Bean(destroyMethod = "close")
    LoadedModels loadedModels(GeneratorFactory factory, MeterRegistry metrics, PipelineProperties properties) {
        PipelineProperties.Batching batching = properties.batching();
        return new LoadedModels(dir -> {
            TextGenerator metered = new MeteredGenerator(factory.open(dir), metrics);
            if (!batching.enabled()) {
                return metered;
            }
            SharedBatcher batcher = new SharedBatcher(metered, batching.maxInputs(), batching.maxTokens(),
                    batching.linger().toMillis(), batching.parallel());
            metrics.gauge("tarjim.model.queued", java.util.List.of(io.micrometer.core.instrument.Tag.of("model",
                    metered.info().name())), batcher, SharedBatcher::queuedInputs);
            return batcher;
        });
    }

    @Bean
    ArticlePipeline articlePipeline(InputValidator validator, ModelService models, LoadedModels loaded,
                                    TextNormalizer normalizer, TranslationSettings settings,
                                    PipelineProperties properties) {
        return new ArticlePipeline(validator, models, loaded, normalizer, settings, properties.concurrentArticles());
    }

    /**
     * Fetches (or falls back from) the default models as soon as the app is up, not on the first article, then
     * loads them and runs one short generation (tarjim.pipeline.warm-up), all in the background.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> prepareDefaultModels(ModelService models, LoadedModels loaded,
                                                                    PipelineProperties properties) {
        ModelWarmup warmup = new ModelWarmup(loaded);
        return event -> models.prepare(TranslationPreset.FAST).thenAcceptAsync(resolution -> {
            if (properties.warmUp()) {
                warmup.warm(resolution);
            }
            models.markReady("Models ready: " + resolution.translation().entry().repo()
                    + resolution.summarizationModel().map(m -> " and " + m.entry().repo()).orElse("") + ".");
        });
    }

    @Bean
    ModelsHealthIndicator modelsHealthIndicator(ModelService models) {
        return new ModelsHealthIndicator(models);
    }
}
