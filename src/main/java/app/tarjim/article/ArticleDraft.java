package app.tarjim.article;

import java.util.Objects;

/**
 * What a user submitted, stored before the pipeline starts so that the job shows in the history at once.
 *
 * @param owner         opaque per-browser id; history and deletion are scoped to it
 * @param sourceText    the Arabic article as the user wrote it
 * @param summaryLength the pipeline's summary length preset name (e.g. {@code SHORT}); stored as given
 */
public record ArticleDraft(String owner, String sourceText, String summaryLength) {

    public static final int MAX_OWNER_LENGTH = 128;

    public ArticleDraft {
        requireNonBlank(owner, "owner");
        requireNonBlank(sourceText, "sourceText");
        requireNonBlank(summaryLength, "summaryLength");
        if (owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("owner is longer than " + MAX_OWNER_LENGTH + " characters");
        }
    }

    private static void requireNonBlank(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
