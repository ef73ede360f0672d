package app.tarjim.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Set;

/** The filters every request passes first, in this order: canonical path, headers, cross-origin writes. */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(ObjectMapper json) {
        return first(new CanonicalPathFilter(json), 0);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return first(new SecurityHeadersFilter(), 1);
    }

    @Bean
    FilterRegistrationBean<CrossOriginWriteFilter> crossOriginWriteFilter(SecurityProperties properties,
                                                                          ObjectMapper json) {
        return first(new CrossOriginWriteFilter(Set.copyOf(properties.allowedOrigins()), json), 2);
    }

    /** Browsers on the allowed origins may call the API (preflight answered); others get no CORS headers. */
    @Bean
    WebMvcConfigurer allowedOriginsCors(SecurityProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (!properties.allowedOrigins().isEmpty()) {
                    registry.addMapping("/api/**")
                            .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                            .allowedMethods("GET", "POST", "PATCH", "DELETE")
                            .allowedHeaders("Content-Type", "X-API-Key", "Authorization")
                            .exposedHeaders("Location", "Retry-After");
                }
            }
        };
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> first(F filter, int position) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
        return registration;
    }
}
