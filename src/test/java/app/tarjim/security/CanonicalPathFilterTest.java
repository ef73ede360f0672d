package app.tarjim.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/translate", "/s/AbC-_123", "/VAADIN/build/x.js", "/batches",
            "/api/v1/articles/%D8%AD%D9%84%D8%A8", "/a%20b", "/api/v1/translate/"})
    void plainPathsPass(String path) {
        assertThat(CanonicalPathFilter.problemWith(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1", "/%61pi/v1", "/api%2Fv1", "/api%2fv1", "//api", "/api//v1", "/./api",
            "/x/../api", "/api/..", "/api/%2e%2e/x", "/api%5cv1", "/api\\v1", "/api%3bx", "/api%25", "/api%0a",
            "/api%", "/api%zz", "/api/%7e"})
    void nonCanonicalPathsAreRefused(String path) {
        assertThat(CanonicalPathFilter.problemWith(path)).as(path).isPresent();
    }
}
