package app.tarjim.pipeline;

import app.tarjim.pipeline.models.DownloadProgress;

import java.util.Optional;

/**
 * Where the default models stand, for the UI's model panel and the {@code models} health component.
 *
 * @param state          see {@link State}
 * @param message        one plain sentence for users (what is happening, or why the demo models are in use)
 * @param progress       the download's progress while {@code DOWNLOADING}, else null
 * @param bytesPerSecond download speed so far, 0 when unknown
 */
public record ModelsStatus(State state, String message, DownloadProgress progress, double bytesPerSecond) {

    public enum State {
        /** Looking for the model files on disk. */
        CHECKING,
        /** Fetching them from the hub. */
        DOWNLOADING,
        /** Loading them and running a first short generation, so that the first article does not pay for it. */
        LOADING,
        /** The real models are loaded. */
        READY,
        /** The demo models stand in; {@code message} says why. */
        DEMO,
        /** Neither the real models nor the demo could be used; {@code message} says why. */
        FAILED;

        /** Articles submitted now wait for the models rather than getting demo output. */
        public boolean articlesWait() {
            return this == CHECKING || this == DOWNLOADING || this == LOADING;
        }
    }

    /** Whole percent of the download done, when its size is known. */
    public Optional<Integer> percent() {
        if (progress == null || progress.overallTotal() <= 0) {
            return Optional.empty();
        }
        return Optional.of((int) Math.min(100, progress.overallBytes() * 100 / progress.overallTotal()));
    }

    /** Seconds left at the speed so far, when both are known. */
    public Optional<Long> secondsLeft() {
        if (progress == null || progress.overallTotal() <= 0 || bytesPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of((long) Math.ceil((progress.overallTotal() - progress.overallBytes()) / bytesPerSecond));
    }

    /** "models downloading, 42%" and the like: what an article waiting for the models is told. */
    public String waitingLine() {
        return switch (state) {
            case DOWNLOADING -> "Models downloading" + percent().map(p -> ", " + p + "%").orElse("")
                    + ": your article starts when they are ready.";
            case CHECKING, LOADING -> "Models loading: your article starts when they are ready.";
            default -> "";
        };
    }
}
