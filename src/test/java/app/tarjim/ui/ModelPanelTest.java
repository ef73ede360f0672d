package app.tarjim.ui;

import app.tarjim.pipeline.ModelsStatus;
import app.tarjim.pipeline.models.DownloadProgress;
import app.tarjim.pipeline.models.ModelRegistry;
import app.tarjim.pipeline.models.TranslationPreset;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPanelTest {

    @Test
    void aDownloadSaysWhichModelHowFarHowFastAndHowLong() {
        DownloadProgress progress = new DownloadProgress("Xenova/opus-mt-ar-en",
                "onnx/decoder_model_merged_quantized.onnx", 9, 10, 60_000_000, 64_000_000, 120_000_000, 300_000_000);
        ModelsStatus status = new ModelsStatus(ModelsStatus.State.DOWNLOADING, "", progress, 4_200_000);

        assertThat(ModelPanel.describe(status)).isEqualTo("Downloading Xenova/opus-mt-ar-en: 120 of 300 MB (40%)"
                + " · 4.2 MB/s · about 43 s left. Articles you submit start when the models are ready.");
        assertThat(status.waitingLine()).isEqualTo("Models downloading, 40%: your article starts when they are ready.");
    }

    @Test
    void anUnknownSizeOrSpeedIsLeftOut() {
        DownloadProgress progress = new DownloadProgress("Xenova/distilbart-cnn-6-6", "config.json", 0, 9,
                1_500, -1, 1_500, -1);
        ModelsStatus status = new ModelsStatus(ModelsStatus.State.DOWNLOADING, "", progress, 0);

        assertThat(ModelPanel.describe(status)).isEqualTo("Downloading Xenova/distilbart-cnn-6-6: 0.0 MB."
                + " Articles you submit start when the models are ready.");
        assertThat(status.waitingLine()).isEqualTo("Models downloading: your article starts when they are ready.");
    }

    @Test
    void theModelChoiceSaysThatTheQualityModelIsForNonCommercialUseOnly() {
        ModelRegistry registry = ModelRegistry.load(Path.of("models"));

        assertThat(ModelPanel.presetLabel(TranslationPreset.QUALITY,
                Optional.of(registry.translation(TranslationPreset.QUALITY))))
                .isEqualTo("quality (nllb-200-distilled-600M, CC-BY-NC-4.0, non-commercial use only)");
        assertThat(ModelPanel.presetLabel(TranslationPreset.FAST,
                Optional.of(registry.translation(TranslationPreset.FAST)))).isEqualTo("fast");
        assertThat(ModelPanel.presetLabel(TranslationPreset.QUALITY, Optional.empty())).isEqualTo("quality");
    }
}
