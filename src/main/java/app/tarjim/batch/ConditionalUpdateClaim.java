package app.tarjim.batch;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * H2 (and any other database): read a few candidates, then claim one with an UPDATE that only matches
 * while the row is still PENDING. The update is atomic, so of two workers racing for a row exactly one
 * sees a count of 1; the loser moves on to the next candidate. (H2 2.3 accepts SKIP LOCKED but applies
 * LIMIT before skipping, so a locked first row would hide all the others.)
 */
final class ConditionalUpdateClaim implements ClaimStatement {

    private static final int CANDIDATES = 8;

    private final NamedParameterJdbcTemplate jdbc;

    ConditionalUpdateClaim(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> claim(String workerId, Instant now, Instant leaseUntil) {
        List<Long> candidates = jdbc.queryForList(
                "SELECT id FROM batch_item WHERE status = 'PENDING' ORDER BY id LIMIT :n",
                Map.of("n", CANDIDATES), Long.class);
        for (Long id : candidates) {
            int claimed = jdbc.update("""
                    UPDATE batch_item
                    SET status = 'RUNNING', claimed_by = :worker, lease_until = :lease, attempts = attempts + 1,
                        started_at = :now, updated_at = :now
                    WHERE id = :id AND status = 'PENDING'""",
                    new MapSqlParameterSource().addValue("id", id).addValue("worker", workerId)
                            .addValue("lease", SqlTime.of(leaseUntil)).addValue("now", SqlTime.of(now)));
            if (claimed == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
