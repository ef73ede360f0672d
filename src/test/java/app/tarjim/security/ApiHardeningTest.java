package app.tarjim.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's reproductions (#17) against a running app with two API keys: no spelling of a path reaches
 * the API without a key, batches are kept apart by key, and the should-fix findings (headers, metrics,
 * share expiry, cross-site posts, body and glossary caps, the sync limit in characters) hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tarjim.api.keys.k1=1000",
        "tarjim.api.keys.k2=1000",
        // No-key probes below would otherwise trip the failed-attempt throttle (tested on its own).
        "tarjim.api.failed-attempts-per-minute=100000",
        "tarjim.api.max-sync-chars=300",
        "tarjim.api.max-body-size=64KB",
        "tarjim.api.max-glossary-terms=50",
        "tarjim.batch.worker.poll-interval=100ms"})
class ApiHardeningTest {

    private static final String ARABIC = "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.";
    private static final String CSV = "id,title,text\nn1,Aleppo," + ARABIC + "\n";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private RawHttp.Response send(String method, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        return RawHttp.send(port, method, path, headers, body);
    }

    private RawHttp.Response postJson(String path, String key, Object body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        return send("POST", path, headers, json.writeValueAsBytes(body));
    }

    private RawHttp.Response get(String path, String key) throws Exception {
        return send("GET", path, key == null ? Map.of() : Map.of("X-API-Key", key), null);
    }

    private RawHttp.Response uploadBatch(String path, String key, String origin) throws Exception {
        String boundary = "----tarjim" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"news.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (key != null) {
            headers.put("X-API-Key", key);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    // --- 1. No spelling of an API path skips the key check -------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "/api;x/v1/translate", "/api/v1;x/translate", "/api/v1/translate;jsessionid=1",
            "/%61pi/v1/translate", "/api/v1/tr%61nslate", "/api%2Fv1/translate", "/api%2fv1%2ftranslate",
            "//api/v1/translate", "/api//v1/translate", "/./api/v1/translate", "/api/./v1/translate",
            "/x/../api/v1/translate", "/api/v1/x/../translate", "/api/v1/%2e%2e/v1/translate",
            "/API/v1/translate", "/Api/V1/Translate", "/api/v1/translate/"})
    void noSpellingOfTheTranslatePathWorksWithoutAKey(String path) throws Exception {
        RawHttp.Response response = postJson(path, null, Map.of("text", ARABIC));
        assertThat(response.status()).as(path + " → " + response.body()).isIn(400, 401);
    }

    @Test
    void variantsOfTheArticleAndBatchPathsNeedAKeyToo() throws Exception {
        assertThat(postJson("/api;x/v1/articles", null, Map.of("text", ARABIC)).status()).isIn(400, 401);
        assertThat(uploadBatch("/%61pi/v1/batches", null, null).status()).isIn(400, 401);
        assertThat(get("/api;x/v1/articles/00000000-0000-0000-0000-000000000000", null).status()).isIn(400, 401);
        assertThat(get("/api;x/v1/batches/00000000-0000-0000-0000-000000000000/export", null).status())
                .isIn(400, 401);
        // The plain path with a key still works.
        assertThat(get("/api/v1/articles/00000000-0000-0000-0000-000000000000", "k1").status()).isEqualTo(404);
    }

    // --- 5. Batches belong to the key that made them ------------------------------------------------------

    @Test
    void batchesAndTheirArticlesAreKeptApartByKey() throws Exception {
        RawHttp.Response created = uploadBatch("/api/v1/batches", "k1", null);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = json.readTree(created.body()).get("id").asText();
        String batch = "/api/v1/batches/" + id;

        assertThat(get(batch, "k2").status()).isEqualTo(404);
        assertThat(get(batch + "/export?format=csv", "k2").status()).isEqualTo(404);
        assertThat(send("POST", batch + "/cancel", Map.of("X-API-Key", "k2"), new byte[0]).status()).isEqualTo(404);
        assertThat(send("POST", batch + "/retry", Map.of("X-API-Key", "k2"), new byte[0]).status()).isEqualTo(404);

        JsonNode status = waitUntilFinished(batch, "k1");
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        String articleId = status.get("items").get(0).get("articleId").asText();
        assertThat(get("/api/v1/articles/" + articleId, "k1").status()).as("k1 reads its batch's article")
                .isEqualTo(200);
        assertThat(get("/api/v1/articles/" + articleId, "k2").status()).isEqualTo(404);
        assertThat(get(batch + "/export?format=csv", "k1").status()).isEqualTo(200);

        RawHttp.Response cancelDone = send("POST", batch + "/cancel", Map.of("X-API-Key", "k1"), new byte[0]);
        assertThat(cancelDone.status()).isEqualTo(409);
        assertThat(json.readTree(get(batch, "k1").body()).get("status").asText()).isEqualTo("COMPLETED");
    }

    private JsonNode waitUntilFinished(String batch, String key) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode status = json.readTree(get(batch, key).body());
            String state = status.get("status").asText();
            if (state.equals("COMPLETED") || state.equals("CANCELLED") || Instant.now().isAfter(deadline)) {
                return status;
            }
            Thread.sleep(200);
        }
    }

    // --- 6, 8. Headers on every response; metrics need a key ---------------------------------------------

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/v1/articles/00000000-0000-0000-0000-000000000000",
                "/actuator/health"}) {
            RawHttp.Response response = get(path, "k1");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
    }

    @Test
    void metricsNeedAKeyWhenKeysAreSetButHealthDoesNot() throws Exception {
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/Prometheus", null).status()).isIn(401, 404);
        assertThat(get("/actuator/prometheus", "k1").status()).isEqualTo(200);
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    // --- 9. Share expiry is checked, not a 500 -------------------------------------------------------------

    @Test
    void shareExpiryOutOfRangeIsABadRequest() throws Exception {
        RawHttp.Response done = postJson("/api/v1/translate", "k1", Map.of("text", ARABIC, "summary", "none"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        String share = "/api/v1/articles/" + json.readTree(done.body()).get("id").asText() + "/share";
        for (String hours : new String[] {"0", "-5", "9223372036854775807"}) {
            RawHttp.Response response = send("POST", share + "?expiresInHours=" + hours, Map.of("X-API-Key", "k1"),
                    new byte[0]);
            assertThat(response.status()).as(hours + ": " + response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asText()).contains("expiresInHours");
        }
        assertThat(send("POST", share + "?expiresInHours=24", Map.of("X-API-Key", "k1"), new byte[0]).status())
                .isEqualTo(200);
    }

    // --- 10. Cross-site form posts --------------------------------------------------------------------------

    @Test
    void crossSiteUploadsAreRefusedSameSiteAndScriptsAreNot() throws Exception {
        RawHttp.Response evil = uploadBatch("/api/v1/batches", "k1", "http://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(json.readTree(evil.body()).get("detail").asText()).contains("tarjim.security.allowed-origins");
        assertThat(uploadBatch("/api/v1/batches", "k1", "http://localhost:" + port).status()).isEqualTo(202);
        assertThat(uploadBatch("/api/v1/batches", "k2", null).status()).isEqualTo(202);
    }

    // --- 11, 12. Body and glossary caps; the sync limit counts characters ----------------------------------

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreParsed() throws Exception {
        byte[] big = json.writeValueAsBytes(Map.of("text", ARABIC, "padding", "x".repeat(200_000)));
        RawHttp.Response declared = send("POST", "/api/v1/articles",
                Map.of("Content-Type", "application/json", "X-API-Key", "k1"), big);
        assertThat(declared.status()).isEqualTo(413);
        RawHttp.Response chunked = send("POST", "/api/v1/articles", Map.of("Content-Type", "application/json",
                "X-API-Key", "k1", "Transfer-Encoding", "chunked"), RawHttp.chunked(big, 8192));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aGlossaryOverTheLimitIsABadRequest() throws Exception {
        Map<String, String> glossary = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            glossary.put("كلمة" + i, "word" + i);
        }
        RawHttp.Response response = postJson("/api/v1/articles", "k1", Map.of("text", ARABIC, "glossary", glossary));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("at most 50 terms");
    }

    @Test
    void theSyncLimitCountsCharactersNotUtf16Units() throws Exception {
        // 250 characters, 320 UTF-16 units: 70 of them are outside the BMP (two units each).
        String text = ARABIC.repeat(4).substring(0, 180) + "😀".repeat(70);
        assertThat(text.codePointCount(0, text.length())).isEqualTo(250);
        assertThat(text.length()).isGreaterThan(300);
        RawHttp.Response response = postJson("/api/v1/translate", "k1", Map.of("text", text, "summary", "none"));
        assertThat(response.status()).as(response.body()).isNotEqualTo(413);
    }
}
