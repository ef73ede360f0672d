package app.tarjim.batch;

import java.util.UUID;

/** An item this worker holds: what to process and what the stored article needs. */
record ClaimedItem(long itemId, UUID jobId, String owner, int attempt, ItemToProcess work) {
}
