package app.tarjim.pipeline.models;

import java.net.URI;
import java.time.Duration;

/**
 * @param baseUrl     hub root; files live at {@code {baseUrl}/{repo}/resolve/{revision}/{path}}
 * @param offline     when true nothing is fetched: missing files are reported instead
 * @param maxAttempts tries per file (a dropped connection resumes, a checksum mismatch starts over)
 * @param retryDelay  pause between tries
 */
public record DownloadSettings(URI baseUrl, boolean offline, int maxAttempts, Duration retryDelay) {

    public static final URI HUGGING_FACE = URI.create("https://huggingface.co");

    public static DownloadSettings defaults() {
        return new DownloadSettings(HUGGING_FACE, false, 4, Duration.ofSeconds(2));
    }

    public DownloadSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public DownloadSettings withOffline(boolean offline) {
        return new DownloadSettings(baseUrl, offline, maxAttempts, retryDelay);
    }
}
