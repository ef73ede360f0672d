package app.tarjim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code "preset": "quality"} through the HTTP API, the app's own loader and pipeline, offline, with the models
 * folder's translation-quality role holding the tiny NLLB fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QualityPresetApiTest {

    private static final Path MODELS = app.tarjim.testing.QualityModelsFolder.temporary(true);

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("tarjim.models-dir", MODELS::toString);
        registry.add("tarjim.pipeline.offline", () -> "true");
        registry.add("tarjim.batch.worker.poll-interval", () -> "200ms");
    }

    /** One Arabic article and one mostly English one quoting a little Arabic. */
    private static final String JSONL = String.join("\n",
            "{\"id\": \"a1\", \"title\": \"Cairo\", \"text\": \"الحكومة المصرية أعلنت اتفاق جديد.\"}",
            "{\"id\": \"a2\", \"title\": \"Code\", \"text\": \"The page ran <script>alert(1)</script> for every "
                    + "reader of the site, and the minister said: الجيش وصل.\"}", "");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theQualityPresetTranslatesWithTheNllbModel() throws Exception {
        String text = "الحكومة المصرية أعلنت اتفاق جديد.\n\nالجيش وصل إلى الحدود التركية اليوم.";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("text", text, "preset", "quality", "summary", "none")))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("done");
        // the real folder, not the quality role's demo stand-in (demo/marian-ar-en-demo) nor the fast model; the
        // article's demo flag is not asserted: offline, the summarizer the pipeline prepares is a demo here
        assertThat(body.get("models").get("translation").asText()).contains("nllb-200-distilled-600M")
                .doesNotContain("demo").doesNotContain("opus-mt");
        assertThat(body.get("sentences")).hasSize(2);
        assertThat(body.get("sentences").get(0).get("target").asText()).isNotBlank();
    }

    @Test
    void theQualityModelWritesLatinScriptOnlyThroughItsEnglishOnlyOutputLayer() throws Exception {
        // the random fixture's vocabulary is half Arabic pieces: over the whole vocabulary it writes some of them
        String text = "الحكومة المصرية أعلنت اتفاق جديد.\n\nالجيش وصل إلى الحدود التركية اليوم.\n\n"
                + "قال الوزير إن المفاوضات مستمرة.\n\nارتفعت أسعار النفط في الأسواق العالمية.";
        JsonNode body = post(Map.of("text", text, "preset", "quality", "summary", "none"));
        assertThat(body.get("status").asText()).isEqualTo("done");
        for (JsonNode sentence : body.get("sentences")) {
            assertThat(sentence.get("target").asText()).isNotBlank().doesNotContainPattern("\\p{IsArabic}");
        }
    }

    @Test
    void theQualitySummaryModelIsUsedWhenAskedForAndTheStandardOneOtherwise() throws Exception {
        String text = "الحكومة المصرية أعلنت اتفاق جديد.\n\nالجيش وصل إلى الحدود التركية اليوم.";
        JsonNode quality = post(Map.of("text", text, "summary", "short", "summaryModel", "quality"));
        assertThat(quality.get("status").asText()).as(quality.toString()).isEqualTo("done");
        assertThat(quality.get("models").get("summarization").asText()).isEqualTo("Xenova/distilbart-cnn-12-6");
        assertThat(quality.get("summary").asText()).isNotBlank();

        JsonNode standard = post(Map.of("text", text, "summary", "short"));
        assertThat(standard.get("status").asText()).isEqualTo("done");
        // distilbart-cnn-6-6 is not in this models folder: its demo stands in, never the 12-6 model
        assertThat(standard.get("models").get("summarization").asText()).doesNotContain("12-6");

        HttpResponse<String> wrong = send(Map.of("text", text, "summaryModel", "best"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("summaryModel must be fast or quality");
    }

    @Test
    void aBatchRunsEveryArticleWithTheModelsItAskedFor() throws Exception {
        HttpResponse<String> created = uploadBatch(Map.of("preset", "quality", "summaryModel", "quality",
                "force", "true", "summary", "short"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode status = awaitCompleted(json.readTree(created.body()).get("id").asText());

        assertThat(status.get("preset").asText()).isEqualTo("quality");
        assertThat(status.get("summaryModel").asText()).isEqualTo("quality");
        assertThat(status.get("force").asBoolean()).isTrue();
        assertThat(status.get("done").asInt()).as(status.toString()).isEqualTo(2);
        JsonNode arabic = article(status.get("items").get(0).get("articleId").asText());
        assertThat(arabic.get("models").get("translation").asText()).contains("nllb-200-distilled-600M")
                .doesNotContain("demo").doesNotContain("opus-mt");
        assertThat(arabic.get("models").get("summarization").asText()).isEqualTo("Xenova/distilbart-cnn-12-6");
        // forced: the English run is kept as it is, next to the Arabic one's translation
        JsonNode mixed = article(status.get("items").get(1).get("articleId").asText());
        assertThat(mixed.get("sentences").toString()).contains("<script>alert(1)</script>");
    }

    @Test
    void aBatchWithoutChoicesUsesTheFastModelsAndFailsOnlyTheArticleThatIsNotArabic() throws Exception {
        HttpResponse<String> created = uploadBatch(Map.of("summary", "none"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode status = awaitCompleted(json.readTree(created.body()).get("id").asText());

        assertThat(status.get("preset").asText()).isEqualTo("fast");
        assertThat(status.get("summaryModel").asText()).isEqualTo("fast");
        assertThat(status.get("force").asBoolean()).isFalse();
        assertThat(status.get("items").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(article(status.get("items").get(0).get("articleId").asText()).get("models").get("translation")
                .asText()).doesNotContain("nllb");
        assertThat(status.get("items").get(1).get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("items").get(1).get("error").asText()).contains("of its letters are Arabic");
    }

    @Test
    void aBatchWithAnUnknownModelChoiceIsRefused() throws Exception {
        HttpResponse<String> refused = uploadBatch(Map.of("preset", "best"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Unknown preset 'best'. Use fast or quality.");
    }

    private HttpResponse<String> uploadBatch(Map<String, String> fields) throws Exception {
        String boundary = "tarjim-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"news.jsonl\"\r\n")
                .append("Content-Type: application/x-ndjson\r\n\r\n").append(JSONL).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/batches"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), java.nio.charset.StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitCompleted(String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode status = get("/api/v1/batches/" + id);
            if (status.get("status").asText().equals("COMPLETED")) {
                return status;
            }
            assertThat(System.nanoTime()).as("batch completes; last status %s", status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode article(String id) throws Exception {
        return get("/api/v1/articles/" + id);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(Map<String, String> body) throws Exception {
        HttpResponse<String> response = send(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(Map<String, String> body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
