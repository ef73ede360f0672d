package app.tarjim.batch;

import java.util.Objects;

/**
 * One article of a new batch.
 *
 * @param externalId the caller's id (CSV/JSONL id, ZIP entry name); may be null
 * @param title      may be null
 * @param sourceName where it came from, for people ("articles.csv line 7"); may be null
 */
public record NewBatchItem(String externalId, String title, String text, String sourceName) {

    public NewBatchItem {
        if (Objects.requireNonNull(text, "text").isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }
}
