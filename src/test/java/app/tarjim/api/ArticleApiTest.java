package app.tarjim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-article HTTP API over a real port, on the demo models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void translatesShortTextSynchronouslyWithSentencesSummaryAndDemoFlag() throws Exception {
        String text = "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.\n\n"
                + "جددت فصائل المعارضة السورية في حلب التمسك بموقفها.";
        HttpResponse<String> response = post("/api/v1/translate", Map.of("text", text, "summary", "short",
                "glossary", Map.of("حلب", "Aleppo")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("done");
        assertThat(body.get("sentences")).hasSize(2);
        assertThat(body.get("sentences").get(1).get("paragraph").asInt()).isEqualTo(1);
        assertThat(body.get("translation").asText()).contains("Aleppo");
        assertThat(body.get("sentences").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("demo").isBoolean()).isTrue();
        assertThat(body.get("models").get("translation").asText()).isNotBlank();
    }

    @Test
    void badInputIsAProblemDocumentWithAnActionableMessage() throws Exception {
        HttpResponse<String> english = post("/api/v1/translate", Map.of("text", "Plain English text, not Arabic at all."));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(english.body()).get("detail").asText()).contains("not Arabic").contains("%");

        HttpResponse<String> empty = post("/api/v1/translate", Map.of("text", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("detail").asText()).contains("empty");

        HttpResponse<String> badSummary = post("/api/v1/translate", Map.of("text", "مرحبا بكم", "summary", "huge"));
        assertThat(badSummary.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badSummary.body()).get("detail").asText()).contains("short, medium, long or none");

        HttpResponse<String> missing = get("/api/v1/articles/00000000-0000-0000-0000-000000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** An Arabic paragraph quoting an English post with code in it: 43% of its letters are Arabic. */
    private static final String QUOTE = "\"The bug lets anyone inject <script>alert(document.cookie)</script> "
            + "into any page, says John Smith\"";
    private static final String MIXED = "نشر الباحث الأمني تغريدة قال فيها: " + QUOTE
            + "، وأكدت الشركة في بيان أنها أصلحت الخلل.";

    @Test
    void aMixedTextIsRefusedAsBeforeAndTranslatedWithForceKeepingTheEnglishQuote() throws Exception {
        HttpResponse<String> refused = post("/api/v1/translate", Map.of("text", MIXED, "summary", "none"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("detail").asText()).isEqualTo("This text looks like it is not Arabic: only 43% of its "
                + "letters are Arabic. Tarjim translates from Arabic.");
        assertThat(problem.get("reason").asText()).isEqualTo("not_arabic");
        assertThat(problem.get("forceable").asBoolean()).isTrue();
        assertThat(problem.get("hint").asText()).contains("\"force\": true");

        HttpResponse<String> forced = post("/api/v1/translate", Map.of("text", MIXED, "summary", "none", "force", true));
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        JsonNode body = json.readTree(forced.body());
        assertThat(body.get("status").asText()).isEqualTo("done");
        assertThat(body.get("translation").asText()).contains(QUOTE);

        HttpResponse<String> started = post("/api/v1/articles", Map.of("text", MIXED, "summary", "none", "force", true));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        HttpResponse<String> notForced = post("/api/v1/articles", Map.of("text", MIXED, "force", false));
        assertThat(notForced.statusCode()).isEqualTo(422);
    }

    @Test
    void forceDoesNotLetEmptyOrLetterlessTextThrough() throws Exception {
        HttpResponse<String> empty = post("/api/v1/translate", Map.of("text", "  ", "force", true));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("detail").asText()).contains("empty");
        assertThat(json.readTree(empty.body()).has("forceable")).isFalse();

        HttpResponse<String> digits = post("/api/v1/translate", Map.of("text", "2016 - 12", "force", true));
        assertThat(digits.statusCode()).isEqualTo(422);
        assertThat(json.readTree(digits.body()).get("detail").asText()).contains("no letters");
    }

    @Test
    void theOpenApiDocumentDescribesForce() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode force = json.readTree(docs.body()).at("/components/schemas/TranslateRequest/properties/force");
        assertThat(force.get("type").asText()).isEqualTo("boolean");
        assertThat(force.get("description").asText()).contains("Translate anyway");
    }

    @Test
    void backgroundArticleCanBePolledSharedExportedAndRevoked() throws Exception {
        String article = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        HttpResponse<String> accepted = post("/api/v1/articles", Map.of("text", article, "summary", "short"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/api/v1/articles/");

        JsonNode done = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = json.readTree(get(location).body());
            if (state.get("status").asText().equals("done") || state.get("status").asText().equals("failed")) {
                done = state;
                break;
            }
            Thread.sleep(200);
        }
        assertThat(done).as("article finished").isNotNull();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("sentences").size()).isGreaterThan(10);
        assertThat(done.get("summary").asText()).isNotBlank();
        String id = done.get("id").asText();

        HttpResponse<String> share = post("/api/v1/articles/" + id + "/share", Map.of());
        assertThat(share.statusCode()).isEqualTo(200);
        String url = json.readTree(share.body()).get("url").asText();
        assertThat(url).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{22,}");
        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("og:description").doesNotContain("Shared by");
        // without sign-in there is no name to show
        HttpResponse<String> named = post("/api/v1/articles/" + id + "/share?showName=true", Map.of());
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.body()).contains("showName needs a signed-in user");

        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/articles/" + id + "/export?format=docx")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String cells = document.getTables().get(0).getText();
            assertThat(cells).contains("حلب");
            assertThat(cells).contains(done.get("sentences").get(0).get("target").asText());
        }

        HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/articles/" + id + "/share")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(get(url).statusCode()).isEqualTo(404);
    }
}
