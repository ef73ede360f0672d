package app.tarjim.batch;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.util.Optional;

/**
 * PostgreSQL: one statement picks and updates the oldest pending row. SKIP LOCKED lets concurrent workers
 * pass over rows another worker is claiming instead of queueing behind its lock.
 */
final class SkipLockedClaim implements ClaimStatement {

    private final NamedParameterJdbcTemplate jdbc;

    SkipLockedClaim(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> claim(String workerId, Instant now, Instant leaseUntil) {
        return jdbc.query("""
                UPDATE batch_item
                SET status = 'RUNNING', claimed_by = :worker, lease_until = :lease, attempts = attempts + 1,
                    started_at = :now, updated_at = :now
                WHERE id = (SELECT id FROM batch_item WHERE status = 'PENDING' ORDER BY id LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING id""",
                new MapSqlParameterSource().addValue("worker", workerId)
                        .addValue("lease", SqlTime.of(leaseUntil)).addValue("now", SqlTime.of(now)),
                (rs, n) -> rs.getLong("id")).stream().findFirst();
    }
}
