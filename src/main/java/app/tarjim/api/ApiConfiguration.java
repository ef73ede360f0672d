package app.tarjim.api;

import app.tarjim.security.ApiKeys;
import app.tarjim.security.RequestBodyLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiConfiguration {

    /** After the path, origin and header filters of {@code security} (which run first), before any handler. */
    static final int API_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    // Both are mapped to every path and pick their requests by the routed path themselves: a servlet URL
    // pattern is case-sensitive, the path guards are not.
    /** Requests per key per minute; shared by every API a key can call, so each has one limit in all. */
    @Bean
    RateLimiter apiKeyRequestLimiter() {
        return new RateLimiter(System::nanoTime);
    }

    /** Missing or wrong keys per client address; shared like the key limits. */
    @Bean
    RateLimiter apiKeyFailureLimiter() {
        return new RateLimiter(System::nanoTime);
    }

    /** Mode none: the keys of tarjim.api.keys. With sign-in on, the account package supplies users' keys. */
    @Bean
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "none", matchIfMissing = true)
    ApiKeys propertyApiKeys(ApiProperties properties) {
        return new PropertyApiKeys(properties);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, ApiKeys keys, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(
                properties, keys, apiKeyRequestLimiter(), apiKeyFailureLimiter(), json));
        registration.addUrlPatterns("/*");
        registration.setOrder(API_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimitFilter(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), json));
        registration.addUrlPatterns("/*");
        registration.setOrder(API_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    OpenAPI tarjimOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Tarjim API")
                .version("v1")
                .description("Arabic to English translation and summarization of news articles. "
                        + "Errors are RFC 9457 problem documents (application/problem+json)."));
    }
}
