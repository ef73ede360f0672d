package app.tarjim.pipeline.models;

/** Told about download progress, often (every buffer), from the downloading thread. */
@FunctionalInterface
public interface DownloadListener {

    DownloadListener NONE = progress -> { };

    void onProgress(DownloadProgress progress);
}
