package app.tarjim.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(properties, new RateLimiter(System::nanoTime), json));
        registration.addUrlPatterns("/api/*");
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
