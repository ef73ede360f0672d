package app.tarjim.article;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process was killed while articles were queued and running: its rows are in the database as it left them
 * (inserted here before the application starts on that database). On start the application resumes those it
 * can run again and marks the others failed with a reason; none stays running, and an article whose heartbeat is
 * still live (another instance on a shared database is translating it) is left alone.
 */
@SpringBootTest
class ArticleRecoveryTest {

    private static final String TEXT = "المعارضة ترفض الضغوط الأميركية الروسية في حلب.\n\nالولايات المتحدة انضمت إلى روسيا.";
    private static final OffsetDateTime CRASH = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);

    private static final UUID RESUMABLE = UUID.randomUUID();
    private static final UUID QUEUED_RESUMABLE = UUID.randomUUID();
    private static final UUID OLD_VERSION_RUNNING = UUID.randomUUID();
    private static final UUID OLD_VERSION_PENDING = UUID.randomUUID();
    private static final UUID LIVE_ELSEWHERE = UUID.randomUUID();
    private static final UUID FINISHED = UUID.randomUUID();
    /** Accepted with "Translate anyway" (43% of its letters are Arabic): it must not be refused when resumed. */
    private static final UUID FORCED_MIXED = UUID.randomUUID();
    private static final String QUOTE = "\"The bug lets anyone inject <script>alert(document.cookie)</script> "
            + "into any page, says John Smith\"";
    private static final String MIXED = "نشر الباحث الأمني تغريدة قال فيها: " + QUOTE
            + "، وأكدت الشركة في بيان أنها أصلحت الخلل.";

    @Autowired
    ArticleService articles;
    @Autowired
    ArticleTranslationJobs jobs;

    @DynamicPropertySource
    static void databaseLeftByACrash(DynamicPropertyRegistry registry) throws IOException, SQLException {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("tarjim-recovery").resolve("tarjim");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            // Oldest first: the one another instance is still translating must not be taken, whatever the order.
            insert(db, LIVE_ELSEWHERE, "RUNNING", "FAST", null, CRASH.plusHours(1), 0);
            insert(db, RESUMABLE, "RUNNING", "FAST", "arabic,english\r\nحلب,Aleppo\r\n", CRASH, 1);
            insert(db, QUEUED_RESUMABLE, "QUEUED", "FAST", null, CRASH, 2);
            insert(db, OLD_VERSION_RUNNING, "RUNNING", null, null, null, 3);
            insert(db, OLD_VERSION_PENDING, "PENDING", null, null, null, 4);
            insert(db, FINISHED, "DONE", "FAST", null, CRASH, 5);
            insert(db, FORCED_MIXED, MIXED, "RUNNING", "FAST", null, CRASH, 6);
        }
        registry.add("spring.datasource.url", () -> url);
    }

    private static void insert(Connection db, UUID id, String status, String preset, String glossaryCsv,
                               OffsetDateTime heartbeat, int minute) throws SQLException {
        insert(db, id, TEXT, status, preset, glossaryCsv, heartbeat, minute);
    }

    private static void insert(Connection db, UUID id, String text, String status, String preset, String glossaryCsv,
                               OffsetDateTime heartbeat, int minute) throws SQLException {
        try (PreparedStatement row = db.prepareStatement("""
                INSERT INTO article (id, version, owner, title, source_text, summary_length, preset, glossary_csv,
                                     demo, status, created_at, updated_at, heartbeat_at)
                VALUES (?, 1, 'browser-1', 'حلب', ?, 'NONE', ?, ?, FALSE, ?, ?, ?, ?)""")) {
            row.setObject(1, id);
            row.setString(2, text);
            row.setString(3, preset);
            row.setString(4, glossaryCsv);
            row.setString(5, status);
            row.setObject(6, CRASH.minusMinutes(10).plusMinutes(minute));
            row.setObject(7, CRASH);
            row.setObject(8, heartbeat);
            row.executeUpdate();
        }
    }

    @Test
    void articlesLeftUnfinishedByACrashAreResumedOrFailedWithAReasonNeverLeftRunning() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !(finished(RESUMABLE) && finished(QUEUED_RESUMABLE)
                && finished(OLD_VERSION_RUNNING) && finished(OLD_VERSION_PENDING) && finished(FORCED_MIXED))) {
            Thread.sleep(100);
        }

        StoredArticle resumed = articles.find(RESUMABLE).orElseThrow();
        assertThat(resumed.status()).as("%s", resumed).isEqualTo(ArticleStatus.DONE);
        assertThat(resumed.sentences()).hasSize(2);
        assertThat(resumed.translationText()).as("the stored glossary was used").contains("Aleppo");
        assertThat(articles.find(QUEUED_RESUMABLE).orElseThrow().status()).isEqualTo(ArticleStatus.DONE);
        StoredArticle mixed = articles.find(FORCED_MIXED).orElseThrow();
        assertThat(mixed.status()).as("%s", mixed).isEqualTo(ArticleStatus.DONE);
        assertThat(mixed.translationText()).contains(QUOTE);

        for (UUID old : new UUID[] {OLD_VERSION_RUNNING, OLD_VERSION_PENDING}) {
            StoredArticle failed = articles.find(old).orElseThrow();
            assertThat(failed.status()).isEqualTo(ArticleStatus.FAILED);
            assertThat(failed.errorMessage()).isEqualTo("Interrupted by a server restart; retry it.");
        }

        // Swept past it (the others are done), yet still as the live instance left it, and not run here.
        StoredArticle live = articles.find(LIVE_ELSEWHERE).orElseThrow();
        assertThat(live.status()).isEqualTo(ArticleStatus.RUNNING);
        assertThat(jobs.running(LIVE_ELSEWHERE)).isEmpty();
        assertThat(articles.find(FINISHED).orElseThrow().status()).isEqualTo(ArticleStatus.DONE);
    }

    private boolean finished(UUID id) {
        return articles.find(id).orElseThrow().status().isFinal();
    }
}
