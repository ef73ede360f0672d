package app.tarjim;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class HealthEndpointTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUp() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void healthHasAModelsComponentThatSaysWhyTheDemoModelsAreInUse() throws Exception {
        // The test configuration is offline, so the default models fall back to the demo ones.
        com.fasterxml.jackson.databind.JsonNode models = null;
        for (int i = 0; i < 300; i++) {
            ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
            models = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody())
                    .path("components").path("models");
            if (models.path("status").asText().equals("DEMO")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(models.path("status").asText()).isEqualTo("DEMO");
        assertThat(models.path("description").asText()).containsIgnoringCase("offline");
    }

    @Test
    void mainPageIsServed() {
        ResponseEntity<String> response = http.getForEntity("/", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void prometheusMetricsAreExposed() {
        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDocumentIsServed() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Tarjim API");
    }
}
