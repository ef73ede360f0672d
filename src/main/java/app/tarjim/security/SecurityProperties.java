package app.tarjim.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Web security settings ({@code tarjim.security.*}).
 *
 * @param allowedOrigins other sites (e.g. {@code https://cms.example.org}) whose pages may send changes here from
 *                       a browser, and call the API with CORS; empty: this server's own pages only
 * @param mode           none (default: no sign-in), local (accounts in the database) or oidc
 * @param login          limits on password sign-in (local mode)
 * @param oidc           the OpenID Connect provider (oidc mode)
 */
@ConfigurationProperties("tarjim.security")
public record SecurityProperties(List<String> allowedOrigins, SecurityMode mode, Login login, Oidc oidc) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        mode = mode == null ? SecurityMode.NONE : mode;
        login = login == null ? new Login(null, null, null) : login;
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
    }

    /**
     * @param maxFailures      wrong passwords in a row before an account is locked
     * @param lockout          how long a locked account stays locked
     * @param attemptsPerMinute sign-in attempts one client address may make a minute
     */
    public record Login(Integer maxFailures, Duration lockout, Integer attemptsPerMinute) {
        public Login {
            maxFailures = maxFailures == null || maxFailures < 1 ? 5 : maxFailures;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
            attemptsPerMinute = attemptsPerMinute == null || attemptsPerMinute < 1 ? 10 : attemptsPerMinute;
        }
    }

    /**
     * @param issuerUri    the provider's issuer (its /.well-known/openid-configuration is read on start)
     * @param clientId     this app's client id at the provider
     * @param clientSecret its secret
     * @param nameClaim    claim that names the user (default preferred_username, then email, then sub)
     * @param adminClaim   claim holding groups or roles (default groups); a string or a list of strings
     * @param adminValue   value in that claim that makes a user an admin (default tarjim-admin); several comma-separated
     * @param scopes       scopes asked for (default openid, profile, email)
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String nameClaim, String adminClaim,
                       String adminValue, List<String> scopes) {
        public Oidc {
            nameClaim = blank(nameClaim) ? "preferred_username" : nameClaim.strip();
            adminClaim = blank(adminClaim) ? "groups" : adminClaim.strip();
            adminValue = blank(adminValue) ? "tarjim-admin" : adminValue.strip();
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
