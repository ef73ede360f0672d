package app.tarjim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Post-editing over HTTP on the demo models: edits with stale-edit refusal and undo, alternatives, summary, glossary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleEditApiTest {

    private static final String TEXT = "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.\n\n"
            + "جددت فصائل المعارضة السورية في حلب التمسك بموقفها. وقال القائد إن المقاتلين باقون.";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void forgetGlossary() throws Exception {
        send("DELETE", "/api/v1/glossary", null, null); // the open API's owner is shared with other tests
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendJson(String method, String path, Object body) throws Exception {
        return send(method, path, "application/json", json.writeValueAsString(body));
    }

    private JsonNode translated() throws Exception {
        HttpResponse<String> response = sendJson("POST", "/api/v1/translate", Map.of("text", TEXT, "summary", "short"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void editKeepsMachineTextClearsFlagRefusesStaleEditAndUndoes() throws Exception {
        JsonNode article = translated();
        String id = article.get("id").asText();
        JsonNode first = article.get("sentences").get(1);
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("version").asInt()).isZero();
        assertThat(first.get("edited").asBoolean()).isFalse();
        String machine = first.get("target").asText();

        HttpResponse<String> edited = sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/1",
                Map.of("target", "  Syrian opposition factions in Aleppo held their ground.  ", "expectedVersion", 0));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode sentence = json.readTree(edited.body());
        assertThat(sentence.get("target").asText()).isEqualTo("Syrian opposition factions in Aleppo held their ground.");
        assertThat(sentence.get("machine").asText()).isEqualTo(machine);
        assertThat(sentence.get("edited").asBoolean()).isTrue();
        assertThat(sentence.get("flagged").asBoolean()).isFalse();
        assertThat(sentence.get("version").asInt()).isEqualTo(1);
        assertThat(sentence.get("editedAt").isNull()).isFalse();
        assertThat(sentence.get("editedBy").isNull()).isTrue(); // no sign-in: anonymous

        // A second tab that read version 0 must not overwrite the edit.
        HttpResponse<String> stale = sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/1",
                Map.of("target", "Another tab's text.", "expectedVersion", 0));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(stale.body());
        assertThat(problem.get("detail").asText()).contains("changed elsewhere").contains("version 0")
                .contains("held their ground");
        assertThat(problem.get("current").get("target").asText()).contains("held their ground");

        JsonNode stored = json.readTree(send("GET", "/api/v1/articles/" + id, null, null).body());
        assertThat(stored.get("edited").asBoolean()).isTrue();
        assertThat(stored.get("translation").asText()).contains("held their ground").doesNotContain(machine);
        assertThat(stored.get("machineTranslation").asText()).contains(machine);
        assertThat(stored.get("summaryCurrent").asBoolean()).isFalse();

        // CSV and JSONL exports carry the edit, the flag and the machine text.
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(send("GET", "/api/v1/articles/" + id + "/export?format=csv", null, null)
                        .body().replace("\uFEFF", ""))).getRecords().get(0);
        assertThat(row.get("translation")).contains("held their ground");
        assertThat(row.get("edited")).isEqualTo("true");
        assertThat(row.get("machine_translation")).contains(machine);
        JsonNode line = json.readTree(send("GET", "/api/v1/articles/" + id + "/export?format=jsonl", null, null).body());
        assertThat(line.get("sentences").get(1).get("edited").asBoolean()).isTrue();
        assertThat(line.get("sentences").get(1).get("machine").asText()).isEqualTo(machine);

        HttpResponse<String> wrongUndo = send("POST", "/api/v1/articles/" + id + "/sentences/1/undo?expectedVersion=0",
                null, null);
        assertThat(wrongUndo.statusCode()).isEqualTo(409);
        HttpResponse<String> undone = send("POST", "/api/v1/articles/" + id + "/sentences/1/undo?expectedVersion=1",
                null, null);
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        JsonNode back = json.readTree(undone.body());
        assertThat(back.get("target").asText()).isEqualTo(machine);
        assertThat(back.get("edited").asBoolean()).isFalse();
        assertThat(back.get("flagged").asBoolean()).isEqualTo(first.get("flagged").asBoolean());
        assertThat(back.get("version").asInt()).isEqualTo(2);
        HttpResponse<String> nothing = send("POST", "/api/v1/articles/" + id + "/sentences/1/undo", null, null);
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(json.readTree(nothing.body()).get("detail").asText()).contains("no edit to undo");
    }

    @Test
    void badEditsAreProblemsThatSayWhatToDo() throws Exception {
        String id = translated().get("id").asText();
        HttpResponse<String> empty = sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/0", Map.of("target", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("detail").asText()).contains("empty");
        HttpResponse<String> missing = sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/9", Map.of("target", "x"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("detail").asText()).contains("numbered 0 to 2");
        HttpResponse<String> tooMany = send("GET", "/api/v1/articles/" + id + "/sentences/0/alternatives?n=50", null, null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void alternativesDifferFromTheShownTextAndCarryConfidence() throws Exception {
        JsonNode article = translated();
        String id = article.get("id").asText();
        HttpResponse<String> response = send("GET", "/api/v1/articles/" + id + "/sentences/0/alternatives?n=3", null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("source").asText()).isEqualTo(article.get("sentences").get(0).get("source").asText());
        JsonNode options = body.get("alternatives");
        assertThat(options.size()).isBetween(1, 3);
        for (JsonNode option : options) {
            assertThat(option.get("target").asText()).isNotBlank().isNotEqualTo(body.get("target").asText());
            assertThat(option.get("confidence").asDouble()).isBetween(0.0, 1.0);
        }
        // Picking one is an edit.
        String pick = options.get(0).get("target").asText();
        HttpResponse<String> picked = sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/0",
                Map.of("target", pick, "expectedVersion", body.get("version").asInt()));
        assertThat(json.readTree(picked.body()).get("target").asText()).isEqualTo(pick);
    }

    @Test
    void summaryIsMadeAgainFromTheEditedTranslationAndSaysWhetherItIsCurrent() throws Exception {
        JsonNode article = translated();
        String id = article.get("id").asText();
        assertThat(article.get("summaryBasis").asText()).isEqualTo("machine");
        assertThat(article.get("summaryCurrent").asBoolean()).isTrue();
        sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/0", Map.of("target", "The opposition stays in Aleppo."));

        HttpResponse<String> regenerated = send("POST", "/api/v1/articles/" + id + "/summary", null, null);
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        JsonNode body = json.readTree(regenerated.body());
        assertThat(body.get("summaryBasis").asText()).isEqualTo("edited");
        assertThat(body.get("summaryCurrent").asBoolean()).isTrue();
        assertThat(body.get("summary").asText()).isNotBlank();

        sendJson("PATCH", "/api/v1/articles/" + id + "/sentences/2", Map.of("target", "The fighters stay."));
        JsonNode after = json.readTree(send("GET", "/api/v1/articles/" + id, null, null).body());
        assertThat(after.get("summaryCurrent").asBoolean()).isFalse();
        assertThat(after.get("summaryBasis").asText()).isEqualTo("edited");

        XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/articles/" + id + "/export?format=docx")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()));
        assertThat(docx.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("The opposition stays in Aleppo.");
    }

    @Test
    void glossaryCrudImportExportAndDefaultForNewArticles() throws Exception {
        HttpResponse<String> added = sendJson("POST", "/api/v1/glossary/terms", Map.of("arabic", "حلب", "english", "Haleb"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        sendJson("POST", "/api/v1/glossary/terms", Map.of("arabic", "المعارضة", "english", "the opposition"));
        sendJson("POST", "/api/v1/glossary/terms", Map.of("arabic", "حلب", "english", "Aleppo"));
        JsonNode list = json.readTree(send("GET", "/api/v1/glossary", null, null).body());
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("terms").get(0).get("english").asText()).isEqualTo("Aleppo");

        // A new article without a glossary of its own gets the caller's.
        assertThat(translated().get("translation").asText()).contains("Aleppo");

        HttpResponse<String> export = send("GET", "/api/v1/glossary/export", null, null);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.body()).startsWith("arabic,english\n").contains("حلب,Aleppo\n");

        HttpResponse<String> merged = send("POST", "/api/v1/glossary/import", "text/csv", "دمشق,Damascus\nحلب,Halab\n");
        assertThat(json.readTree(merged.body()).get("count").asInt()).isEqualTo(3);
        assertThat(merged.body()).contains("Halab").contains("Damascus");

        HttpResponse<String> broken = send("PUT", "/api/v1/glossary", "text/csv", "دمشق,Damascus\nحلب\n");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).get("detail").asText()).contains("line 2");
        assertThat(json.readTree(send("GET", "/api/v1/glossary", null, null).body()).get("count").asInt()).isEqualTo(3);

        HttpResponse<String> replaced = send("PUT", "/api/v1/glossary", "text/csv", "arabic,english\nحمص,Homs\n");
        assertThat(json.readTree(replaced.body()).get("count").asInt()).isEqualTo(1);

        String term = URLEncoder.encode("حمص", StandardCharsets.UTF_8);
        assertThat(send("DELETE", "/api/v1/glossary/terms?arabic=" + term, null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/glossary/terms?arabic=" + term, null, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/glossary", null, null).body()).get("terms")).isEmpty();
    }

    @Test
    void newEndpointsAreInTheOpenApiDocument() throws Exception {
        JsonNode paths = json.readTree(send("GET", "/v3/api-docs", null, null).body()).get("paths");
        for (String path : List.of("/api/v1/articles/{id}/sentences/{n}", "/api/v1/articles/{id}/sentences/{n}/alternatives",
                "/api/v1/articles/{id}/sentences/{n}/undo", "/api/v1/articles/{id}/summary", "/api/v1/glossary",
                "/api/v1/glossary/terms", "/api/v1/glossary/import", "/api/v1/glossary/export")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/articles/{id}/sentences/{n}").has("patch")).isTrue();
    }
}
