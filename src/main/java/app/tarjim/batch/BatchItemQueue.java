package app.tarjim.batch;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The items table as a work queue shared by every worker JVM. Each change after the claim is conditional
 * on the worker still holding the item ({@code claimed_by} = it, status RUNNING): a worker whose lease
 * expired, or whose job was cancelled, finds its update matches nothing and drops the result.
 */
@Repository
class BatchItemQueue {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ClaimStatement claimStatement;

    BatchItemQueue(NamedParameterJdbcTemplate jdbc, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claimStatement = isPostgres(dataSource) ? new SkipLockedClaim(jdbc) : new ConditionalUpdateClaim(jdbc);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to choose how batch items are claimed", e);
        }
    }

    Optional<ClaimedItem> claim(String workerId, Duration lease) {
        Instant now = clock.instant();
        return claimStatement.claim(workerId, now, now.plus(lease)).flatMap(this::load);
    }

    private Optional<ClaimedItem> load(long itemId) {
        return jdbc.query("""
                SELECT i.id, i.job_id, i.attempts, i.external_id, i.title, i.source_text, j.owner, j.summary_length,
                       j.preset, j.summary_model, j.force_language
                FROM batch_item i JOIN batch_job j ON j.id = i.job_id WHERE i.id = :id""",
                Map.of("id", itemId),
                (rs, n) -> new ClaimedItem(rs.getLong("id"), rs.getObject("job_id", UUID.class),
                        rs.getString("owner"), rs.getInt("attempts"),
                        new ItemToProcess(rs.getLong("id"), rs.getString("external_id"), rs.getString("title"),
                                rs.getString("source_text"), rs.getString("summary_length"),
                                BatchJobStore.modelsOf(rs))))
                .stream().findFirst();
    }

    /** Extends the lease; false when the worker no longer holds the item (cancelled, or expired and re-claimed). */
    boolean extendLease(long itemId, String workerId, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("""
                UPDATE batch_item SET lease_until = :lease, updated_at = :now
                WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""",
                held(itemId, workerId).addValue("lease", SqlTime.of(now.plus(lease)))
                        .addValue("now", SqlTime.of(now))) == 1;
    }

    /** DONE with its article, if still held. Run in the transaction that stored the article. */
    boolean markDone(long itemId, String workerId, UUID articleId) {
        Instant now = clock.instant();
        return jdbc.update("""
                UPDATE batch_item SET status = 'DONE', article_id = :article, error_message = NULL,
                       lease_until = NULL, finished_at = :now, updated_at = :now
                WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""",
                held(itemId, workerId).addValue("article", articleId).addValue("now", SqlTime.of(now))) == 1;
    }

    boolean markFailed(long itemId, String workerId, String error) {
        Instant now = clock.instant();
        return jdbc.update("""
                UPDATE batch_item SET status = 'FAILED', error_message = :error, lease_until = NULL,
                       finished_at = :now, updated_at = :now
                WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""",
                held(itemId, workerId).addValue("error", Texts.shorten(error, 2000))
                        .addValue("now", SqlTime.of(now))) == 1;
    }

    /** Hands an unfinished item back on shutdown; the interrupted try does not count as an attempt. */
    boolean release(long itemId, String workerId) {
        return jdbc.update("""
                UPDATE batch_item SET status = 'PENDING', claimed_by = NULL, lease_until = NULL,
                       attempts = attempts - 1, started_at = NULL, updated_at = :now
                WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""",
                held(itemId, workerId).addValue("now", SqlTime.of(clock.instant()))) == 1;
    }

    /**
     * Items whose worker stopped renewing its lease (it died or hung) go back to PENDING, or to FAILED once
     * they have had {@code maxAttempts} claims, so an article that crashes workers cannot do so forever.
     */
    ExpiredLeases expireLeases(int maxAttempts) {
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", SqlTime.of(now))
                .addValue("max", maxAttempts)
                .addValue("error", "The worker processing this article stopped " + maxAttempts
                        + " times; it was not tried again. Retry the job to try once more.");
        int failed = jdbc.update("""
                UPDATE batch_item SET status = 'FAILED', error_message = :error, lease_until = NULL,
                       finished_at = :now, updated_at = :now
                WHERE status = 'RUNNING' AND lease_until < :now AND attempts >= :max""", params);
        int requeued = jdbc.update("""
                UPDATE batch_item SET status = 'PENDING', claimed_by = NULL, lease_until = NULL, updated_at = :now
                WHERE status = 'RUNNING' AND lease_until < :now""", params);
        return new ExpiredLeases(requeued, failed);
    }

    record ExpiredLeases(int requeued, int failed) {
    }

    private static MapSqlParameterSource held(long itemId, String workerId) {
        return new MapSqlParameterSource().addValue("id", itemId).addValue("worker", workerId);
    }
}
