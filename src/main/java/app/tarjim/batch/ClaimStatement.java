package app.tarjim.batch;

import java.time.Instant;
import java.util.Optional;

/** Takes the oldest PENDING item for a worker: RUNNING, claimed by it, leased until the given time. */
interface ClaimStatement {

    /** The claimed item's id, or empty when no item is pending. Never gives one item to two workers. */
    Optional<Long> claim(String workerId, Instant now, Instant leaseUntil);
}
