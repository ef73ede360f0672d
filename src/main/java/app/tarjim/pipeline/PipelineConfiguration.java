package app.tarjim.pipeline;

import app.tarjim.pipeline.input.InputLimits;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.pipeline.models.DownloadSettings;
import app.tarjim.pipeline.models.ModelDownloader;
import app.tarjim.pipeline.models.ModelProvider;
import app.tarjim.pipeline.models.ModelRegistry;
import app.tarjim.pipeline.text.TextNormalizer;
import app.tarjim.pipeline.translate.TranslationSettings;
import java.nio.file.Path;
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
    ModelRegistry modelRegistry(@Value("${tarjim.models-dir:./models}") Path modelsDir) {
        return ModelRegistry.load(modelsDir);
    }

    @Bean
    ModelDownloader modelDownloader(PipelineProperties properties) {
        return new ModelDownloader(ModelDownloader.defaultHttpClient(), new DownloadSettings(properties.hubUrl(),
                properties.offline(), properties.downloadAttempts(), properties.downloadRetryDelay()));
    }

    @Bean
    @Lazy
    ModelProvider modelProvider(@Lazy ModelRegistry registry, ModelDownloader downloader) {
        return new ModelProvider(registry, downloader);
    }
}
