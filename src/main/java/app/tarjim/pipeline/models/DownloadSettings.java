package app.tarjim.pipeline.models;

import java.net.URI;
import java.time.Duration;

/**
 * @param baseUrl     hub root; files live at {@code {baseUrl}/{repo}/resolve/{revision}/{path}}
 * @param offline     when true nothing is fetched: missing files are reported instead
 * @param maxAttempts tries per file (a dropped connection resumes, a checksum mismatch starts over)
 * @param retryDelay  pause between tries
 * @param token       sent as {@code Authorization: Bearer} to the hub (never to the CDN); null for none
 * @param variant     ONNX variant fetched when the repository has it
 */
public record DownloadSettings(URI baseUrl, boolean offline, int maxAttempts, Duration retryDelay, String token,
                               OnnxVariant variant) {

    public static final URI HUGGING_FACE = URI.create("https://huggingface.co");

    /**
     * Settings as configured, with the process environment applied the way huggingface_hub applies it:
     * {@code HF_ENDPOINT} replaces the default hub URL, {@code HF_TOKEN} authenticates; quantized weights.
     */
    public DownloadSettings(URI baseUrl, boolean offline, int maxAttempts, Duration retryDelay) {
        this(HubEnvironment.system(), baseUrl, offline, maxAttempts, retryDelay);
    }

    public DownloadSettings(HubEnvironment environment, URI baseUrl, boolean offline, int maxAttempts,
                            Duration retryDelay) {
        this(environment.endpoint(baseUrl), offline, maxAttempts, retryDelay, environment.token().orElse(null),
                OnnxVariant.QUANTIZED);
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(HUGGING_FACE, false, 4, Duration.ofSeconds(2));
    }

    public DownloadSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (variant == null) {
            variant = OnnxVariant.QUANTIZED;
        }
    }

    public DownloadSettings withOffline(boolean offline) {
        return new DownloadSettings(baseUrl, offline, maxAttempts, retryDelay, token, variant);
    }

    public DownloadSettings withVariant(OnnxVariant variant) {
        return new DownloadSettings(baseUrl, offline, maxAttempts, retryDelay, token, variant);
    }

    /** {@code token} is a secret: never printed. */
    @Override
    public String toString() {
        return "DownloadSettings[baseUrl=" + baseUrl + ", offline=" + offline + ", maxAttempts=" + maxAttempts
                + ", retryDelay=" + retryDelay + ", token=" + (token == null ? "none" : "set") + ", variant="
                + variant.label() + "]";
    }
}
