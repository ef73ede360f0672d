package app.tarjim.account;

import app.tarjim.api.RateLimiter;
import app.tarjim.security.SecurityProperties;
import app.tarjim.security.SignInMethod;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.time.Clock;

/**
 * Accounts, keys and the audit log exist in every mode (the CLI adds users before sign-in is switched on);
 * they are wired into sign-in and the APIs only when {@code tarjim.security.mode} is local or oidc.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Bcrypt for new hashes; hashes carry their {id}, so a later default (argon2) still reads old ones. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        return new Accounts(jdbc, encoder, clock);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, Clock clock, SecurityProperties security) {
        return new AuditLog(jdbc, clock, security.mode().signIn());
    }

    @Bean
    @ConditionalOnExpression("'${tarjim.security.mode:none}'.toLowerCase() != 'none'")
    UserApiKeys userApiKeys(JdbcClient jdbc, Clock clock) {
        return new UserApiKeys(jdbc, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "local")
    static class Local {

        @Bean
        SignInMethod localSignIn(Accounts accounts, SecurityProperties properties) {
            return new LocalSignIn(new LoginThrottle(new RateLimiter(System::nanoTime),
                    properties.login().attemptsPerMinute()), new AccountDetailsService(accounts));
        }

        @Bean
        LoginOutcomes loginOutcomes(Accounts accounts, AuditLog audit, SecurityProperties properties) {
            return new LoginOutcomes(accounts, audit, properties.login());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tarjim.security.mode", havingValue = "oidc")
    static class Oidc {

        @Bean
        OidcSignIn oidcSignIn(Accounts accounts, AuditLog audit, SecurityProperties properties) {
            return new OidcSignIn(properties.oidc(), accounts, audit);
        }

        /** Spring's OAuth2 client beans (authorized clients) look for the registrations as a bean. */
        @Bean
        ClientRegistrationRepository clientRegistrationRepository(OidcSignIn signIn) {
            return signIn.clientRegistrations();
        }
    }
}
