package app.tarjim.libretranslate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LibreTranslate's API over a real port on the demo models, with the requests Mastodon and Weblate send, and
 * API keys required (as on a public instance). The demo models know a toy vocabulary, so the English is only
 * checked for its shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tarjim.api.keys.lt-key=1000",
        "tarjim.api.keys.slow-key=2",
        "tarjim.api.failed-attempts-per-minute=100000",
        "tarjim.api.max-body-size=64KB",
        "tarjim.libretranslate.char-limit=3000",
        "tarjim.security.allowed-origins=https://extension.example"})
class LibreTranslateApiTest {

    static final String KEY = "lt-key";
    static final String ARABIC = "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.";
    static final String SECOND = "جددت فصائل المعارضة السورية في حلب التمسك بموقفها.";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path));
    }

    /** As Mastodon sends it: Oj.dump(q:, source:, target:, format: 'html', api_key:) with Content-Type JSON. */
    private HttpResponse<String> postJson(String path, Object body) throws Exception {
        return send(at(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    /** As older Weblate sends it: requests.post(data={api_key, q, source, target}). */
    private HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(at(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] file)
            throws Exception {
        String boundary = "----tarjim" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(at(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json.readTree(response.body());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(fields(body)).containsExactly("error");
        assertThat(body.get("error").asText()).contains(message);
    }

    @Test
    void mastodonHtmlPostKeepsEveryTagAndAnswersOnlyTranslatedText() throws Exception {
        String post = LibreTranslateHtmlTest.MASTODON_POST.replace("أعلنت", "المعارضة ترفض الضغوط")
                .replace("شكرا لكم", SECOND);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("q", post);
        request.put("source", "ar");
        request.put("target", "en");
        request.put("format", "html");
        request.put("api_key", KEY);
        HttpResponse<String> response = postJson("/translate", request);
        JsonNode body = ok(response);

        assertThat(fields(body)).containsExactly("translatedText");
        String english = body.get("translatedText").asText();
        System.out.println("Mastodon post in:  " + post + "\nMastodon post out: " + english);
        assertThat(LibreTranslateHtmlTest.tags(english)).isEqualTo(LibreTranslateHtmlTest.tags(post));
        for (var kept : Jsoup.parseBodyFragment(post).select("[translate=no]")) {
            assertThat(english).contains(kept.outerHtml());
        }
        assertThat(Jsoup.parseBodyFragment(english).select("p").get(1).text()).isNotBlank()
                .doesNotContainPattern("[\\u0600-\\u06FF]");
        assertThat(Double.parseDouble(response.headers().firstValue("X-Tarjim-Confidence").orElseThrow()))
                .isBetween(0.0, 1.0);
    }

    @Test
    void mastodonAutoSourceAddsDetectedLanguage() throws Exception {
        JsonNode body = ok(postJson("/translate", Map.of("q", "<p>" + ARABIC + "</p>", "source", "auto",
                "target", "en", "format", "html", "api_key", KEY)));

        assertThat(fields(body)).containsExactly("translatedText", "detectedLanguage");
        assertThat(fields(body.get("detectedLanguage"))).containsExactly("confidence", "language");
        assertThat(body.get("detectedLanguage").get("language").asText()).isEqualTo("ar");
        assertThat(body.get("detectedLanguage").get("confidence").asDouble()).isEqualTo(100.0);
        assertThat(body.get("translatedText").asText()).startsWith("<p>").endsWith("</p>");
    }

    @Test
    void weblateFormRequestGetsAString() throws Exception {
        JsonNode body = ok(postForm("/translate", Map.of("api_key", KEY, "q", ARABIC, "source", "ar", "target", "en")));

        assertThat(fields(body)).containsExactly("translatedText");
        assertThat(body.get("translatedText").isTextual()).isTrue();
        assertThat(body.get("translatedText").asText()).isNotBlank().doesNotContainPattern("[\\u0600-\\u06FF]");
    }

    @Test
    void weblateBatchJsonRequestGetsAnArrayInOrder() throws Exception {
        // Weblate's BatchMachineTranslation: json={api_key, q: [texts], source, target}, reads translatedText[i].
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("api_key", KEY);
        request.put("q", List.of(ARABIC, "حلب", "%(count)s"));
        request.put("source", "ar");
        request.put("target", "en");
        JsonNode body = ok(postJson("/translate", request));

        assertThat(fields(body)).containsExactly("translatedText");
        assertThat(body.get("translatedText")).hasSize(3);
        assertThat(body.get("translatedText").get(1).asText()).isEqualTo("Aleppo");
        assertThat(body.get("translatedText").get(2).asText()).isEqualTo("%(count)s");
    }

    @Test
    void arrayQAnswersInKindWithDetectedLanguagesAndAlternatives() throws Exception {
        JsonNode body = ok(postJson("/translate", Map.of("q", List.of(ARABIC, SECOND + "\n" + ARABIC, "https://example.org"),
                "source", "auto", "target", "en", "alternatives", 2, "api_key", KEY)));

        assertThat(fields(body)).containsExactly("translatedText", "detectedLanguage", "alternatives");
        assertThat(body.get("translatedText")).hasSize(3);
        assertThat(body.get("translatedText").get(1).asText()).contains("\n");
        assertThat(body.get("translatedText").get(2).asText()).isEqualTo("https://example.org");
        assertThat(body.get("detectedLanguage")).hasSize(3);
        assertThat(body.get("detectedLanguage").get(0).get("language").asText()).isEqualTo("ar");
        assertThat(body.get("alternatives")).hasSize(3);
        for (JsonNode alternatives : body.get("alternatives")) {
            assertThat(alternatives.isArray()).isTrue();
            assertThat(alternatives.size()).isLessThanOrEqualTo(2);
        }
        assertThat(body.get("alternatives").get(2)).isEmpty();
        Iterator<JsonNode> texts = body.get("translatedText").elements();
        for (JsonNode alternatives : body.get("alternatives")) {
            String translation = texts.next().asText();
            alternatives.forEach(a -> assertThat(a.asText()).isNotEqualTo(translation));
        }
    }

    @Test
    void textWithNothingArabicComesBackAsItWasSent() throws Exception {
        // As LibreTranslate does with text it cannot translate: nothing is refused, nothing is changed.
        JsonNode body = ok(postJson("/translate", Map.of("q", "https://example.org/a 2024", "source", "ar",
                "target", "en", "api_key", KEY)));
        assertThat(body.get("translatedText").asText()).isEqualTo("https://example.org/a 2024");
    }

    @Test
    void stringQWithAlternativesAnswersAList() throws Exception {
        JsonNode body = ok(postJson("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en",
                "alternatives", 3, "api_key", KEY)));

        assertThat(fields(body)).containsExactly("translatedText", "alternatives");
        assertThat(body.get("translatedText").isTextual()).isTrue();
        assertThat(body.get("alternatives").isArray()).isTrue();
        System.out.println("Alternatives: " + body);
    }

    @Test
    void multipartTranslateAndGlossaryAsAnExtraParameter() throws Exception {
        JsonNode body = ok(postMultipart("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en",
                "api_key", KEY, "glossary", "{\"حلب\": \"Aleppo\"}"), null, null));

        assertThat(fields(body)).containsExactly("translatedText");
        assertThat(body.get("translatedText").asText()).contains("Aleppo");
    }

    @Test
    void errorsComeInLibreTranslatesShape() throws Exception {
        assertError(postJson("/translate", Map.of("source", "ar", "target", "en", "api_key", KEY)), 400,
                "Invalid request: missing q parameter");
        assertError(postJson("/translate", Map.of("q", ARABIC, "target", "en", "api_key", KEY)), 400,
                "Invalid request: missing source parameter");
        assertError(postForm("/translate", Map.of("q", ARABIC, "source", "ar", "api_key", KEY)), 400,
                "Invalid request: missing target parameter");
        assertError(postJson("/translate", Map.of("q", "Bonjour", "source", "fr", "target", "en", "api_key", KEY)),
                400, "Tarjim translates Arabic (ar) into English (en)");
        assertError(postJson("/translate", Map.of("q", ARABIC, "source", "ar", "target", "de", "api_key", KEY)),
                400, "de is not supported as a target language: Tarjim translates Arabic (ar) into English (en)");
        assertError(postJson("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en", "format", "markdown",
                "api_key", KEY)), 400, "markdown format is not supported");
        assertError(postJson("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en", "alternatives", "many",
                "api_key", KEY)), 400, "Invalid request: alternatives parameter is not a number");
        assertError(postJson("/translate", Map.of("q", ARABIC.repeat(60), "source", "ar", "target", "en",
                "api_key", KEY)), 400, "exceeds text limit (3000)");
        assertError(send(at("/translate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\": "))), 400, "Invalid JSON format");
        assertError(postJson("/translate", Map.of("q", "Mostly English text with one word عربي in it.",
                "source", "ar", "target", "en", "api_key", KEY)), 400, "not Arabic");
        assertError(postJson("/translate", Map.of("q", "x".repeat(70_000), "source", "ar", "target", "en",
                "api_key", KEY)), 413, "over the limit of 64 KB");
    }

    @Test
    void keysAreCheckedAndLimitedLikeLibreTranslate() throws Exception {
        assertError(postJson("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en")), 403,
                "Please contact the server operator to get an API key");
        assertError(postForm("/translate", Map.of("q", ARABIC, "source", "ar", "target", "en", "api_key", "wrong")),
                403, "Invalid API key");
        assertError(postJson("/detect", Map.of("q", ARABIC, "api_key", "wrong")), 403, "Invalid API key");

        ok(postJson("/detect", Map.of("q", ARABIC, "api_key", "slow-key")));
        ok(postJson("/detect", Map.of("q", ARABIC, "api_key", "slow-key")));
        HttpResponse<String> limited = postJson("/detect", Map.of("q", ARABIC, "api_key", "slow-key"));
        assertError(limited, 429, "Slowdown: 2 per 1 minute");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // The same key and limit hold on Tarjim's own API.
        assertThat(send(at("/api/v1/articles/00000000-0000-0000-0000-000000000000").header("X-API-Key", "slow-key")
                .GET()).statusCode()).isEqualTo(429);
    }

    @Test
    void detectLanguagesAndFrontendSettings() throws Exception {
        HttpResponse<String> detect = postForm("/detect", Map.of("q", ARABIC, "api_key", KEY));
        assertThat(detect.statusCode()).isEqualTo(200);
        JsonNode detected = json.readTree(detect.body());
        assertThat(detected.isArray()).isTrue();
        assertThat(fields(detected.get(0))).containsExactly("confidence", "language");
        assertThat(detected.get(0).get("language").asText()).isEqualTo("ar");
        assertThat(json.readTree(postJson("/detect", Map.of("q", "Mostly English with عربي", "api_key", KEY)).body())
                .get(0).get("language").asText()).isEqualTo("en");

        JsonNode languages = json.readTree(send(at("/languages").GET()).body());
        assertThat(languages.toString()).isEqualTo(
                "[{\"code\":\"ar\",\"name\":\"Arabic\",\"targets\":[\"en\"]},{\"code\":\"en\",\"name\":\"English\",\"targets\":[]}]");

        JsonNode settings = json.readTree(send(at("/frontend/settings").GET()).body());
        assertThat(settings.get("charLimit").asInt()).isEqualTo(3000);
        assertThat(settings.get("keyRequired").asBoolean()).isTrue();
        assertThat(settings.get("language").get("source").get("code").asText()).isEqualTo("ar");
        assertThat(settings.get("language").get("target").get("code").asText()).isEqualTo("en");
    }

    @Test
    void translateFileAnswersADownloadOfTheSameKind() throws Exception {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>خبر</title></head><body>"
                + "<h1 class=\"headline\">" + ARABIC + "</h1><p>" + SECOND + " <a href=\"/more\">المزيد</a></p>"
                + "<pre>لا يترجم</pre></body></html>";
        JsonNode answer = ok(postMultipart("/translate_file", Map.of("source", "ar", "target", "en", "api_key", KEY),
                "news.html", html.getBytes(StandardCharsets.UTF_8)));
        assertThat(fields(answer)).containsExactly("translatedFileUrl");
        String url = answer.get("translatedFileUrl").asText();
        assertThat(url).startsWith("http://localhost:" + port + "/download_file/").endsWith(".news.html");
        HttpResponse<String> download = send(at(url).GET());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("news.html");
        assertThat(Jsoup.parse(download.body()).body().select("*").stream().map(e -> e.tagName() + e.attributes().html()).toList())
                .isEqualTo(Jsoup.parse(html).body().select("*").stream().map(e -> e.tagName() + e.attributes().html()).toList());
        assertThat(download.body()).contains("<pre>لا يترجم</pre>");
        assertThat(Jsoup.parse(download.body()).select("h1").text()).doesNotContainPattern("[\\u0600-\\u06FF]");

        JsonNode text = ok(postMultipart("/translate_file", Map.of("source", "auto", "target", "en", "api_key", KEY),
                "note.txt", (ARABIC + "\n\n" + SECOND).getBytes(StandardCharsets.UTF_8)));
        String english = send(at(text.get("translatedFileUrl").asText()).GET()).body();
        assertThat(english.split("\n", -1)).hasSize(3);

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(ARABIC);
            document.write(docx);
        }
        JsonNode word = ok(postMultipart("/translate_file", Map.of("source", "ar", "target", "en", "api_key", KEY),
                "report.docx", docx.toByteArray()));
        HttpResponse<byte[]> wordFile = http.send(at(word.get("translatedFileUrl").asText()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(wordFile.body()))) {
            assertThat(document.getParagraphs().size() + document.getTables().size()).isPositive();
        }

        assertError(postMultipart("/translate_file", Map.of("source", "ar", "target", "en", "api_key", KEY),
                "data.xlsx", new byte[]{1, 2, 3}), 400, "Invalid request: file format not supported");
        assertError(postMultipart("/translate_file", Map.of("source", "ar", "target", "en", "api_key", KEY),
                null, null), 400, "Invalid request: missing file parameter");
        assertError(send(at("/download_file/nothing-here.txt").GET()), 400, "Invalid filename");
    }

    @Test
    void browsersOnAllowedOriginsGetCorsAndOthersAreRefused() throws Exception {
        HttpResponse<String> preflight = send(at("/translate").header("Origin", "https://extension.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://extension.example");

        HttpResponse<String> allowed = send(at("/translate").header("Origin", "https://extension.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("q", ARABIC, "source", "ar", "target", "en", "api_key", KEY)))));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://extension.example");

        HttpResponse<String> elsewhere = send(at("/translate").header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=x&source=ar&target=en&api_key=" + KEY)));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
