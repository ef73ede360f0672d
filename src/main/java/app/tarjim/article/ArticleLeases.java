package app.tarjim.article;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which process is still translating which article. The process running an article renews its heartbeat;
 * an unfinished article whose heartbeat is older than the lease belongs to a process that died (or was cut off
 * from the database that long) and may be taken over. This works alike for one process on an H2 file and for
 * several instances sharing one PostgreSQL database, where "started before me" would not tell a crashed
 * article from one that a live neighbour is translating.
 */
@Component
class ArticleLeases {

    /** Taken over per sweep at most; the rest wait for the next sweep. */
    static final int SWEEP_LIMIT = 100;

    private final ArticleRepository articles;
    private final Clock clock;

    ArticleLeases(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    void beat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            articles.beat(ids, clock.instant());
        }
    }

    void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            articles.release(ids);
        }
    }

    /** Of the given articles, those cancelled meanwhile (say, through another instance's API). */
    List<UUID> cancelledAmong(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : articles.findCancelled(ids);
    }

    List<UUID> abandoned(Duration lease) {
        return articles.findAbandoned(clock.instant().minus(lease), SWEEP_LIMIT);
    }

    /** True when this process now owns the article, QUEUED with a fresh heartbeat; false when another was faster. */
    boolean claim(UUID id, Duration lease) {
        return articles.claimAbandoned(id, clock.instant().minus(lease), clock.instant());
    }
}
