package app.tarjim.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** How people sign in when the mode asks for it: a form against local accounts, or an OIDC provider. */
public interface SignInMethod {

    /** Adds the sign-in part (form login, OAuth2 login, throttles) to the chain. */
    void configure(HttpSecurity http) throws Exception;

    /** What Vaadin's configurer needs to know of it (its login page). */
    void configureVaadin(VaadinSecurityConfigurer vaadin);
}
