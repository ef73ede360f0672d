package app.tarjim.article;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this process's articles alive and takes over the ones a dead process left QUEUED or RUNNING: at start
 * and then every heartbeat. A taken-over article is resumed from its stored text and options, so nothing the user
 * asked for is lost (it starts again from its first sentence, since sentences are stored only when done). One
 * stored by an older version, without its options, is marked FAILED with {@link #INTERRUPTED} instead.
 * <p>
 * Only articles whose heartbeat lapsed are taken ({@link ArticleLeases}): instances sharing a PostgreSQL database
 * never take each other's live work. The price is that after a {@code kill -9} and a quick restart the articles
 * wait up to one lease before they are resumed; a clean shutdown hands them back at once. Only web applications
 * take articles over: the {@code batch} command's short-lived context would abandon them again.
 */
@Component
@ConditionalOnWebApplication
class ArticleRecovery implements SmartLifecycle {

    static final String INTERRUPTED = "Interrupted by a server restart; retry it.";

    private static final Logger log = LoggerFactory.getLogger(ArticleRecovery.class);

    private final ArticleTranslationJobs jobs;
    private final ArticleService articles;
    private final ArticleLeases leases;
    private final Duration heartbeat;
    private final Duration lease;
    private ScheduledExecutorService scheduler;

    ArticleRecovery(ArticleTranslationJobs jobs, ArticleService articles, ArticleLeases leases,
                    ArticleJobProperties properties) {
        this.jobs = jobs;
        this.articles = articles;
        this.leases = leases;
        this.heartbeat = properties.heartbeat();
        this.lease = properties.lease();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "article-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void tick() {
        try {
            keepAlive();
            takeOverAbandoned();
        } catch (RuntimeException e) {
            // An exception would end the schedule; the database may be back by the next tick.
            log.warn("Article heartbeat failed", e);
        }
    }

    private void keepAlive() {
        Set<UUID> local = jobs.local();
        leases.beat(local);
        // Cancelled through another instance, which could only store it: stop the work here.
        leases.cancelledAmong(local).forEach(id -> jobs.running(id).ifPresent(TranslationJob::cancel));
    }

    private void takeOverAbandoned() {
        for (UUID id : leases.abandoned(lease)) {
            if (leases.claim(id, lease)) {
                recover(id);
            }
        }
    }

    private void recover(UUID id) {
        boolean resumed;
        try {
            resumed = jobs.resume(id);
        } catch (RuntimeException e) {
            log.warn("Article {} could not be resumed", id, e);
            resumed = false;
        }
        if (resumed) {
            log.info("Article {} was left unfinished by a stopped process; translating it again", id);
        } else {
            articles.fail(id, INTERRUPTED);
            log.info("Article {} was left unfinished by a stopped process and cannot be resumed; marked failed", id);
        }
    }
}
