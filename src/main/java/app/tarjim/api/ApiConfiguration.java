package app.tarjim.api;

import app.tarjim.security.RequestBodyLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(
                properties, new RateLimiter(System::nanoTime), new RateLimiter(System::nanoTime), json));
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
