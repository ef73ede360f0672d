package app.tarjim.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;

/**
 * Spring Security's filter chain. In mode none it permits everything and adds nothing (no login page, no CSRF
 * tokens, no headers of its own: {@link SecurityHeadersFilter} sets them in every mode), so Tarjim behaves as
 * without it. With sign-in on, the Vaadin views need a signed-in user; the share pages stay public; the HTTP
 * and LibreTranslate APIs are guarded by API keys (their own filters, which run before this chain) and so are
 * left open here; the actuator other than health is for admins.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the CLI's headless contexts
class WebSecurityConfiguration {

    /** Paths guarded by API keys rather than by a browser session, so without CSRF tokens. */
    static final List<String> KEY_GUARDED = List.of("/api", "/translate", "/translate_file", "/detect",
            "/languages", "/frontend/settings", "/download_file");
    static final List<String> PUBLIC = List.of("/s", "/login", "/error", "/v3/api-docs", "/swagger-ui",
            "/swagger-ui.html", "/actuator/health");

    @Bean
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "none", matchIfMissing = true)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Sign-in on (local or oidc); the mode's own part (form login, OAuth2 login) comes from {@link SignInMethod}. */
    @Configuration
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "local")
    @Import(SignedInChain.class)
    static class LocalMode {
    }

    @Configuration
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "oidc")
    @Import(SignedInChain.class)
    static class OidcMode {
    }

    /** Matches requests whose routed path is one of {@code prefixes} or lies under it (any case). */
    static RequestMatcher under(List<String> prefixes) {
        return new OrRequestMatcher(prefixes.stream()
                .map(prefix -> (RequestMatcher) request -> RequestPaths.isUnder(request, prefix))
                .toList());
    }

}
