package app.tarjim.batch;

import java.time.Instant;
import java.util.UUID;

/** A job with its progress, for lists and status pages. */
public record BatchJobView(UUID id, String owner, String name, BatchStatus status, SummaryOption summary,
                           BatchProgress progress, Instant createdAt, Instant updatedAt, BatchModels models) {
}
