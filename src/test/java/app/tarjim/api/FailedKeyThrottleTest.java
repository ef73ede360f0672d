package app.tarjim.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong keys from one address are throttled (429), other addresses and the refill are not affected. */
class FailedKeyThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final ApiProperties properties = new ApiProperties(Map.of("good-key", 1000), null, null, 5, null, null);
    private final ApiKeyFilter filter = new ApiKeyFilter(properties, new RateLimiter(now::get),
            new RateLimiter(now::get), new ObjectMapper().findAndRegisterModules());

    private int call(String address, String key) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles/x");
        request.setServletPath("/api/v1/articles/x");
        request.setRemoteAddr(address);
        if (key != null) {
            request.addHeader("X-API-Key", key);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void repeatedWrongKeysFromOneAddressAreRefusedForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(call("10.0.0.1", "guess-" + i)).isEqualTo(401);
        }
        assertThat(call("10.0.0.1", "guess-6")).isEqualTo(429);
        assertThat(call("10.0.0.1", "good-key")).as("no guessing while blocked, even a right guess").isEqualTo(429);
        assertThat(call("10.0.0.2", "good-key")).as("other addresses are not affected").isEqualTo(200);
        assertThat(call("10.0.0.2", null)).isEqualTo(401);

        now.addAndGet(60_000_000_000L); // a minute later the bucket has refilled
        assertThat(call("10.0.0.1", "good-key")).isEqualTo(200);
    }

    @Test
    void validKeysDoNotCountAsFailures() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(call("10.0.0.3", "good-key")).isEqualTo(200);
        }
        assertThat(call("10.0.0.3", "bad")).isEqualTo(401);
    }
}
