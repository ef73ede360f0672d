package app.tarjim.libretranslate;

import app.tarjim.api.ApiProperties;
import app.tarjim.security.RequestBodyLimitFilter;
import app.tarjim.security.SecurityProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

@Configuration
@EnableConfigurationProperties(LibreTranslateProperties.class)
class LibreTranslateConfiguration {

    /** Every path of the LibreTranslate API. */
    static final List<String> PATHS = List.of("/translate", "/detect", "/languages", "/frontend/settings",
            "/translate_file", "/download_file");

    /**
     * The {@code /api} body cap on these paths too, answered as LibreTranslate would ({@code {"error"}}); in
     * the same place in the filter chain, after the path, origin and header filters.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> libreTranslateBodyLimitFilter(ApiProperties api, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(api.maxBodySize().toBytes(), PATHS, (response, max) -> {
                    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), Map.of("error",
                            "Invalid request: the body is over the limit of " + max / 1024 + " KB"));
                }));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    /**
     * Browser extensions and web pages call LibreTranslate from other origins: the allowed ones
     * ({@code tarjim.security.allowed-origins}, which {@code CrossOriginWriteFilter} also lets write) get CORS
     * answers, preflight included.
     */
    @Bean
    WebMvcConfigurer libreTranslateCors(SecurityProperties security) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (security.allowedOrigins().isEmpty()) {
                    return;
                }
                for (String path : PATHS) {
                    registry.addMapping(path.equals("/download_file") ? path + "/**" : path)
                            .allowedOrigins(security.allowedOrigins().toArray(String[]::new))
                            .allowedMethods("GET", "POST")
                            .allowedHeaders("Content-Type", "X-API-Key", "Authorization")
                            .exposedHeaders("Retry-After", LibreTranslateController.CONFIDENCE_HEADER);
                }
            }
        };
    }
}
