package app.tarjim.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

import static app.tarjim.security.WebSecurityConfiguration.KEY_GUARDED;
import static app.tarjim.security.WebSecurityConfiguration.PUBLIC;
import static app.tarjim.security.WebSecurityConfiguration.under;

/**
 * The chain with sign-in on, imported only by the local and oidc modes of {@link WebSecurityConfiguration}
 * (a top-level class, so that nothing picks it up in mode none).
 */
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SignedInChain {

    @Bean
    SecurityFilterChain signedInChain(HttpSecurity http, ObjectProvider<SignInMethod> methods) throws Exception {
        SignInMethod method = methods.getIfAvailable();
        if (method == null) {
            throw new IllegalStateException("tarjim.security.mode asks for sign-in, but no sign-in method is "
                    + "configured (local accounts or OIDC).");
        }
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(under(PUBLIC)).permitAll()
                .requestMatchers(under(KEY_GUARDED)).permitAll()
                // The API key filter admitted an admin key already, or this is an admin's browser session.
                .requestMatchers(under(List.of("/actuator"))).access((authentication, context) ->
                        new AuthorizationDecision(ApiCaller.admittedAdmin(context.getRequest())
                                || authentication.get().getAuthorities().stream()
                                .anyMatch(a -> SignedIn.ADMIN_AUTHORITY.equals(a.getAuthority())))));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(under(KEY_GUARDED)));
        method.configure(http);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> method.configureVaadin(vaadin));
        return http.build();
    }
}
