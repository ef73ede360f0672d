package app.tarjim.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Web security settings ({@code tarjim.security.*}).
 *
 * @param allowedOrigins other sites (e.g. {@code https://cms.example.org}) whose pages may send changes here from
 *                       a browser, and call the API with CORS; empty: this server's own pages only
 */
@ConfigurationProperties("tarjim.security")
public record SecurityProperties(List<String> allowedOrigins) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
