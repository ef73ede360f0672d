package app.tarjim.account;

import app.tarjim.security.SignInMethod;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Mode local: the form at /login against the accounts table, with the per-address throttle before it. */
class LocalSignIn implements SignInMethod {

    static final String LOGIN_PAGE = "/login";

    private final LoginThrottle throttle;
    private final AccountDetailsService details;

    LocalSignIn(LoginThrottle throttle, AccountDetailsService details) {
        this.throttle = throttle;
        this.details = details;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.userDetailsService(details);
        http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        http.formLogin(form -> form
                .loginPage(LOGIN_PAGE)
                .permitAll()
                // Locked says so (the person should wait or ask an admin); everything else is the same answer,
                // so the page does not tell which accounts exist.
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + LOGIN_PAGE + (exception instanceof LockedException ? "?locked" : "?error"))));
    }

    @Override
    public void configureVaadin(VaadinSecurityConfigurer vaadin) {
        vaadin.loginView(LOGIN_PAGE);
    }
}
