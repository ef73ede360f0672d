package app.tarjim.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With keys configured: no key → 401, over the key's rate → 429 with Retry-After, both as problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tarjim.api.keys.test-key-123=2")
class ApiKeyTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/articles/00000000-0000-0000-0000-000000000000"));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keysAreRequiredAndRateLimited() throws Exception {
        HttpResponse<String> anonymous = get(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("wrong-key").statusCode()).isEqualTo(401);

        assertThat(get("test-key-123").statusCode()).isEqualTo(404); // allowed through: no such article
        assertThat(get("test-key-123").statusCode()).isEqualTo(404);
        HttpResponse<String> limited = get("test-key-123");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(limited.body()).contains("2 requests a minute");
    }

    @Test
    void pagesOutsideTheApiNeedNoKey() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
