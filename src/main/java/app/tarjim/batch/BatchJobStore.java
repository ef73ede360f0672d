package app.tarjim.batch;

import app.tarjim.pipeline.models.TranslationPreset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Jobs, their items and input problems in the database: creating, reading and the user's cancel and retry. */
@Repository
class BatchJobStore {

    private static final int INSERT_CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    BatchJobStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts the job, all its items and problems; the caller wraps this in one transaction. */
    UUID insert(NewBatch batch) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO batch_job (id, owner, name, status, summary_length, total_items, input_digest, created_at,
                                       updated_at, preset, summary_model, force_language)
                VALUES (:id, :owner, :name, 'ACTIVE', :summary, :total, :digest, :now, :now, :preset, :summaryModel,
                        :force)""",
                new MapSqlParameterSource()
                        .addValue("id", id).addValue("owner", batch.owner())
                        .addValue("name", Texts.shorten(batch.name(), 200))
                        .addValue("summary", batch.summary().name()).addValue("total", batch.items().size())
                        .addValue("digest", batch.inputDigest())
                        .addValue("preset", batch.models().preset().name())
                        .addValue("summaryModel", batch.models().summaryModel().name())
                        .addValue("force", batch.models().force())
                        .addValue("now", SqlTime.of(now)));
        insertItems(id, batch.items(), now);
        insertProblems(id, batch.problems());
        return id;
    }

    private void insertItems(UUID jobId, List<NewBatchItem> items, Instant now) {
        List<SqlParameterSource> rows = new ArrayList<>(Math.min(items.size(), INSERT_CHUNK));
        for (int position = 0; position < items.size(); position++) {
            NewBatchItem item = items.get(position);
            rows.add(new MapSqlParameterSource()
                    .addValue("job", jobId).addValue("position", position)
                    .addValue("externalId", Texts.shorten(item.externalId(), 500))
                    .addValue("title", Texts.shorten(item.title(), 500))
                    .addValue("sourceName", Texts.shorten(item.sourceName(), 1000))
                    .addValue("text", item.text()).addValue("now", SqlTime.of(now)));
            if (rows.size() == INSERT_CHUNK || position == items.size() - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO batch_item (job_id, position, external_id, title, source_name, source_text,
                                                status, attempts, created_at, updated_at)
                        VALUES (:job, :position, :externalId, :title, :sourceName, :text, 'PENDING', 0, :now, :now)""",
                        rows.toArray(SqlParameterSource[]::new));
                rows.clear();
            }
        }
    }

    private void insertProblems(UUID jobId, List<InputProblem> problems) {
        SqlParameterSource[] rows = new SqlParameterSource[problems.size()];
        for (int position = 0; position < problems.size(); position++) {
            InputProblem problem = problems.get(position);
            rows[position] = new MapSqlParameterSource()
                    .addValue("job", jobId).addValue("position", position)
                    .addValue("sourceName", Texts.shorten(problem.sourceName(), 1000))
                    .addValue("line", problem.lineNumber())
                    .addValue("message", Texts.shorten(problem.message(), 2000));
        }
        jdbc.batchUpdate("""
                INSERT INTO batch_problem (job_id, position, source_name, line_number, message)
                VALUES (:job, :position, :sourceName, :line, :message)""", rows);
    }

    Optional<BatchJobView> find(UUID id) {
        return jdbc.query("SELECT * FROM batch_job WHERE id = :id", Map.of("id", id), this::toView)
                .stream().findFirst();
    }

    /** The newest job of the owner made from the same input and options, unless it was cancelled. */
    Optional<UUID> findByInput(String owner, String inputDigest) {
        return jdbc.queryForList("""
                SELECT id FROM batch_job WHERE owner = :owner AND input_digest = :digest AND status = 'ACTIVE'
                ORDER BY created_at DESC LIMIT 1""", Map.of("owner", owner, "digest", inputDigest), UUID.class)
                .stream().findFirst();
    }

    /** Newest first. */
    List<BatchJobView> recent(int limit) {
        return jdbc.query("SELECT * FROM batch_job ORDER BY created_at DESC, id LIMIT :limit",
                Map.of("limit", limit), this::toView);
    }

    /** The newest jobs of the given owners. */
    List<BatchJobView> recent(Collection<String> owners, int limit) {
        return jdbc.query("SELECT * FROM batch_job WHERE owner IN (:owners) ORDER BY created_at DESC, id LIMIT :limit",
                Map.of("owners", owners, "limit", limit), this::toView);
    }

    List<BatchItemView> items(UUID jobId) {
        return items(jobId, 0, Integer.MAX_VALUE);
    }

    /** Items {@code offset ..} in input order, at most {@code limit} of them. */
    List<BatchItemView> items(UUID jobId, int offset, int limit) {
        return jdbc.query("""
                SELECT id, position, external_id, title, source_name, status, attempts, error_message, article_id,
                       claimed_by
                FROM batch_item WHERE job_id = :job AND position >= :offset AND position < :end
                ORDER BY position""", Map.of("job", jobId, "offset", offset, "end", (long) offset + limit),
                (rs, n) -> new BatchItemView(rs.getLong("id"), rs.getInt("position"), rs.getString("external_id"),
                        rs.getString("title"), rs.getString("source_name"),
                        ItemStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("error_message"), rs.getObject("article_id", UUID.class),
                        rs.getString("claimed_by")));
    }

    /** Source texts of items {@code offset ..}, at most {@code limit}, matching {@link #items(UUID, int, int)}. */
    List<String> sourceTexts(UUID jobId, int offset, int limit) {
        return jdbc.queryForList("""
                SELECT source_text FROM batch_item WHERE job_id = :job AND position >= :offset AND position < :end
                ORDER BY position""", Map.of("job", jobId, "offset", offset, "end", (long) offset + limit),
                String.class);
    }

    List<InputProblem> problems(UUID jobId) {
        return jdbc.query("""
                SELECT source_name, line_number, message FROM batch_problem WHERE job_id = :job ORDER BY position""",
                Map.of("job", jobId),
                (rs, n) -> new InputProblem(rs.getString("source_name"), rs.getLong("line_number"),
                        rs.getString("message")));
    }

    /** Marks the job cancelled and every item not yet finished CANCELLED; returns how many items that stopped. */
    int cancel(UUID jobId) {
        Map<String, Object> params = Map.of("job", jobId, "now", SqlTime.of(clock.instant()));
        jdbc.update("UPDATE batch_job SET status = 'CANCELLED', updated_at = :now WHERE id = :job", params);
        return jdbc.update("""
                UPDATE batch_item SET status = 'CANCELLED', lease_until = NULL, finished_at = :now, updated_at = :now
                WHERE job_id = :job AND status IN ('PENDING', 'RUNNING')""", params);
    }

    /** Puts failed and cancelled items back in the queue with fresh attempts; returns how many. */
    int retry(UUID jobId) {
        Map<String, Object> params = Map.of("job", jobId, "now", SqlTime.of(clock.instant()));
        jdbc.update("UPDATE batch_job SET status = 'ACTIVE', updated_at = :now WHERE id = :job", params);
        return jdbc.update("""
                UPDATE batch_item SET status = 'PENDING', attempts = 0, error_message = NULL, claimed_by = NULL,
                       lease_until = NULL, started_at = NULL, finished_at = NULL, updated_at = :now
                WHERE job_id = :job AND status IN ('FAILED', 'CANCELLED')""", params);
    }

    boolean delete(UUID jobId) {
        return jdbc.update("DELETE FROM batch_job WHERE id = :job", Map.of("job", jobId)) > 0;
    }

    /** Items waiting in all jobs, for the queue-depth gauge. */
    long pendingItems() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM batch_item WHERE status = 'PENDING'", Map.of(),
                Long.class);
        return count == null ? 0 : count;
    }

    BatchProgress progress(UUID jobId) {
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        jdbc.query("SELECT status, COUNT(*) AS n FROM batch_item WHERE job_id = :job GROUP BY status",
                Map.of("job", jobId),
                rs -> {
                    counts.put(ItemStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        int pending = counts.getOrDefault(ItemStatus.PENDING, 0);
        int running = counts.getOrDefault(ItemStatus.RUNNING, 0);
        int done = counts.getOrDefault(ItemStatus.DONE, 0);
        int failed = counts.getOrDefault(ItemStatus.FAILED, 0);
        int cancelled = counts.getOrDefault(ItemStatus.CANCELLED, 0);
        int total = pending + running + done + failed + cancelled;
        return new BatchProgress(total, pending, running, done, failed, cancelled,
                etaSeconds(jobId, pending + running));
    }

    /** Remaining items at the rate the job has finished items since its first one started, across all workers. */
    private Long etaSeconds(UUID jobId, int remaining) {
        if (remaining == 0) {
            return null;
        }
        return jdbc.query("""
                SELECT COUNT(*) AS finished, MIN(started_at) AS first_started FROM batch_item
                WHERE job_id = :job AND status IN ('DONE', 'FAILED') AND started_at IS NOT NULL""",
                Map.of("job", jobId), rs -> {
                    rs.next();
                    return Eta.estimate(rs.getInt("finished"), SqlTime.read(rs, "first_started"), clock.instant(),
                            remaining);
                });
    }

    private BatchJobView toView(ResultSet rs, int rowNum) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        BatchProgress progress = progress(id);
        boolean cancelled = "CANCELLED".equals(rs.getString("status"));
        return new BatchJobView(id, rs.getString("owner"), rs.getString("name"), statusOf(cancelled, progress),
                SummaryOption.valueOf(rs.getString("summary_length")), progress,
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), modelsOf(rs));
    }

    static BatchModels modelsOf(ResultSet rs) throws SQLException {
        return new BatchModels(TranslationPreset.valueOf(rs.getString("preset")),
                TranslationPreset.valueOf(rs.getString("summary_model")), rs.getBoolean("force_language"));
    }

    static BatchStatus statusOf(boolean cancelled, BatchProgress progress) {
        if (cancelled) {
            return BatchStatus.CANCELLED;
        }
        if (progress.remaining() == 0) {
            return BatchStatus.COMPLETED;
        }
        return progress.running() == 0 && progress.finished() == 0 ? BatchStatus.QUEUED : BatchStatus.RUNNING;
    }

    /** The ETA arithmetic on its own, so tests can pin it down. */
    static final class Eta {

        private Eta() {
        }

        static Long estimate(int finished, Instant firstStarted, Instant now, int remaining) {
            if (finished == 0 || firstStarted == null || remaining == 0) {
                return null;
            }
            Duration elapsed = Duration.between(firstStarted, now);
            double secondsPerItem = Math.max(0, elapsed.toMillis()) / 1000.0 / finished;
            return Math.round(secondsPerItem * remaining);
        }
    }
}
