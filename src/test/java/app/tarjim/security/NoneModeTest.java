package app.tarjim.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mode none (the default) with Spring Security on the classpath: no login page, nothing redirected, no CSRF
 * token asked of API writes, no headers beyond Tarjim's own, and the admin pages' data closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoneModeTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everythingIsOpenAsBeforeAndNoLoginPageAppears() throws Exception {
        HttpResponse<String> home = send(get("/").build());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(home.headers().firstValue("Cache-Control")).isEmpty(); // Spring Security's headers stay off
        // No sign-in form anywhere (/login is just an unknown route of the Vaadin app).
        assertThat(send(get("/login").build()).body()).doesNotContain("password");
        assertThat(send(get("/actuator/prometheus").build()).statusCode()).isEqualTo(200);
        // A JSON write without any CSRF token goes through to the handler (400: no text), not 403.
        HttpResponse<String> write = send(get("/api/v1/articles").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(write.statusCode()).isEqualTo(400);
        // Nobody is an admin without sign-in: the audit log is not served.
        assertThat(send(get("/admin/audit.csv").build()).statusCode()).isEqualTo(404);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
