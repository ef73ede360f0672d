package app.tarjim.batch;

import java.util.UUID;

/**
 * One item as users see it.
 *
 * @param error     why the last attempt failed; null unless FAILED
 * @param articleId the stored translation; null unless DONE
 * @param claimedBy the worker running it, or the last one that did
 */
public record BatchItemView(long id, int position, String externalId, String title, String sourceName,
                            ItemStatus status, int attempts, String error, UUID articleId, String claimedBy) {
}
