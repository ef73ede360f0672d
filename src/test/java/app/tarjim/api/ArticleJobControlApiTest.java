package app.tarjim.api;

import app.tarjim.article.ArticleDraft;
import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ArticleTranslationJobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queued apart from running, cancel and retry over HTTP, with one pipeline slot so that a second article must
 * wait. The database is a fresh file, so no article left by another test run takes the slot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tarjim.pipeline.concurrent-articles=1", "tarjim.articles.max-waiting=2"})
class ArticleJobControlApiTest {

    private static final Set<String> FINAL = Set.of("done", "failed", "cancelled");
    private static final String SHORT = "المعارضة ترفض الضغوط الأميركية الروسية في حلب.\n\nالولايات المتحدة انضمت إلى روسيا.";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ArticleTranslationJobs jobs;
    @Autowired
    ArticleService articles;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("tarjim-job-control");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("tarjim"));
    }

    @Test
    void anArticleWaitingForTheSlotIsQueuedAndCancelStopsQueuedAndRunningOnes() throws Exception {
        JsonNode long1 = accepted(post("/api/v1/articles", Map.of("text", longArticle(), "summary", "none")));
        String first = long1.get("id").asText();
        assertThat(await(first, "running").get("status").asText()).isEqualTo("running");

        JsonNode second = accepted(post("/api/v1/articles", Map.of("text", SHORT, "summary", "none",
                "glossary", Map.of("حلب", "Aleppo"))));
        String secondId = second.get("id").asText();
        assertThat(second.get("status").asText()).isEqualTo("queued");
        assertThat(status(secondId)).isEqualTo("queued");
        assertThat(status(first)).as("the slot is still taken").isEqualTo("running");
        // Its page is told where it stands: next in the queue.
        java.util.concurrent.CompletableFuture<Integer> ahead = new java.util.concurrent.CompletableFuture<>();
        jobs.running(UUID.fromString(secondId)).orElseThrow().subscribe(new app.tarjim.article.TranslationJob.Watcher() {
            @Override
            public void onQueued(int articlesAhead) {
                ahead.complete(articlesAhead);
            }
        });
        assertThat(ahead.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();

        // One running and one waiting is all this instance takes on (max-waiting=2): a third is told to come back.
        HttpResponse<String> busy = post("/api/v1/articles", Map.of("text", SHORT, "summary", "none"));
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(busy.body()).get("detail").asText()).contains("busy").contains("Try again");

        HttpResponse<String> cancelQueued = post("/api/v1/articles/" + secondId + "/cancel", Map.of());
        assertThat(cancelQueued.statusCode()).as(cancelQueued.body()).isEqualTo(200);
        assertThat(json.readTree(cancelQueued.body()).get("status").asText()).isEqualTo("cancelled");

        HttpResponse<String> cancelRunning = post("/api/v1/articles/" + first + "/cancel", Map.of());
        assertThat(cancelRunning.statusCode()).as(cancelRunning.body()).isEqualTo(200);
        JsonNode cancelled = json.readTree(cancelRunning.body());
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("id").asText()).isEqualTo(first);

        // The work itself stops, not only the stored status: both jobs end soon and stay cancelled.
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && (jobs.running(UUID.fromString(first)).isPresent()
                || jobs.running(UUID.fromString(secondId)).isPresent())) {
            Thread.sleep(100);
        }
        assertThat(jobs.running(UUID.fromString(first))).as("running job stopped").isEmpty();
        assertThat(jobs.running(UUID.fromString(secondId))).as("queued job stopped").isEmpty();
        JsonNode stopped = json.readTree(get("/api/v1/articles/" + first).body());
        assertThat(stopped.get("status").asText()).isEqualTo("cancelled");
        assertThat(stopped.get("sentences")).isEmpty();
        assertThat(status(secondId)).isEqualTo("cancelled");

        HttpResponse<String> again = post("/api/v1/articles/" + first + "/cancel", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(again.body()).get("detail").asText()).contains("cancelled");

        // Retry runs the cancelled article's text again with its options (the glossary) as a new article.
        HttpResponse<String> retried = post("/api/v1/articles/" + secondId + "/retry", Map.of());
        JsonNode retry = accepted(retried);
        String retryId = retry.get("id").asText();
        assertThat(retryId).isNotEqualTo(secondId);
        assertThat(retried.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/articles/" + retryId);
        JsonNode done = await(retryId, "done");
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("sentences")).hasSize(2);
        assertThat(done.get("translation").asText()).contains("Aleppo");
        assertThat(done.get("summary").isNull()).isTrue();
        assertThat(status(secondId)).as("the old one stays as it was").isEqualTo("cancelled");

        assertThat(post("/api/v1/articles/" + retryId + "/retry", Map.of()).statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/articles/" + retryId + "/cancel", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void anotherOwnersArticleCannotBeCancelledOrRetried() throws Exception {
        UUID theirs = articles.create(new ArticleDraft("browser-of-someone-else", SHORT, "NONE"));

        HttpResponse<String> cancel = post("/api/v1/articles/" + theirs + "/cancel", Map.of());
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(cancel.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(post("/api/v1/articles/" + theirs + "/retry", Map.of()).statusCode()).isEqualTo(404);
        assertThat(articles.find(theirs).orElseThrow().status()).isEqualTo(ArticleStatus.QUEUED);
        assertThat(post("/api/v1/articles/" + UUID.randomUUID() + "/cancel", Map.of()).statusCode()).isEqualTo(404);
    }

    /** The seed article many times over: long enough to still be translating while the test looks. */
    private static String longArticle() {
        try {
            return Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt")).repeat(15);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode accepted(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body());
    }

    private String status(String id) throws Exception {
        return json.readTree(get("/api/v1/articles/" + id).body()).get("status").asText();
    }

    /** Polls until the article reaches the status or a final one, and returns what it last saw. */
    private JsonNode await(String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode state = json.readTree(get("/api/v1/articles/" + id).body());
        while (System.nanoTime() < deadline && !state.get("status").asText().equals(status)
                && !FINAL.contains(state.get("status").asText())) {
            Thread.sleep(100);
            state = json.readTree(get("/api/v1/articles/" + id).body());
        }
        return state;
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
