package app.tarjim.account;

import app.tarjim.security.SecurityProperties;
import app.tarjim.security.SignInMethod;
import app.tarjim.security.SignedIn;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Mode oidc: sign-in through an OpenID Connect provider. The provider is found from its issuer URI (its
 * discovery document is read on start); the user's name comes from a claim (preferred_username, else email,
 * else sub), and a value in a groups or roles claim makes them an admin. Each sign-in makes or updates the
 * account, so admins can see and disable OIDC users, and their keys belong to them like local users' keys.
 */
class OidcSignIn implements SignInMethod {

    static final String REGISTRATION = "tarjim";
    static final String LOGIN_PAGE = "/oauth2/authorization/" + REGISTRATION;

    private final ClientRegistrationRepository registrations;
    private final OAuth2UserService<OidcUserRequest, OidcUser> users;

    OidcSignIn(SecurityProperties.Oidc settings, Accounts accounts, AuditLog audit) {
        this(registrations(settings), settings, accounts, audit);
    }

    OidcSignIn(ClientRegistrationRepository registrations, SecurityProperties.Oidc settings, Accounts accounts,
               AuditLog audit) {
        this.registrations = registrations;
        this.users = new AccountOidcUsers(settings, accounts, audit);
    }

    static ClientRegistrationRepository registrations(SecurityProperties.Oidc settings) {
        if (blank(settings.issuerUri()) || blank(settings.clientId())) {
            throw new IllegalStateException("tarjim.security.mode=oidc needs tarjim.security.oidc.issuer-uri and "
                    + "tarjim.security.oidc.client-id (and client-secret); see README, Sign-in.");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    ClientRegistrationRepository clientRegistrations() {
        return registrations;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                .clientRegistrationRepository(registrations)
                .userInfoEndpoint(info -> info.oidcUserService(users))
                // To a page that says so, not back to the provider (which would sign the same user in again).
                .failureHandler((request, response, exception) ->
                        response.sendRedirect(request.getContextPath() + "/login?error")));
    }

    @Override
    public void configureVaadin(VaadinSecurityConfigurer vaadin) {
        vaadin.oauth2LoginPage(LOGIN_PAGE);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Loads the OIDC user, names it by the configured claim, and keeps its account and admin role. */
    static final class AccountOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
        private final OidcUserService delegate = new OidcUserService();
        private final SecurityProperties.Oidc settings;
        private final Accounts accounts;
        private final AuditLog audit;

        AccountOidcUsers(SecurityProperties.Oidc settings, Accounts accounts, AuditLog audit) {
            this.settings = settings;
            this.accounts = accounts;
            this.audit = audit;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims = user.getClaims();
            String nameKey = List.of(settings.nameClaim(), "preferred_username", "email", "sub").stream()
                    .filter(key -> claims.get(key) instanceof String s && !s.isBlank())
                    .findFirst().orElse("sub");
            String name = String.valueOf(claims.get(nameKey));
            boolean admin = hasValue(claims.get(settings.adminClaim()), settings.adminValue());
            Account account;
            try {
                account = accounts.signedInThroughOidc(name, admin);
            } catch (AccountException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", e.getMessage(), null));
            }
            if (!account.enabled()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "This account is disabled in Tarjim.", null));
            }
            // Local sign-ins stamp this through LoginOutcomes (mode local only); without it admins see "never".
            accounts.loginSucceeded(name);
            audit.record(name, AuditLog.SIGNED_IN, name, "oidc" + (admin ? ", admin" : ""));
            Collection<GrantedAuthority> authorities = admin
                    ? AuthorityUtils.createAuthorityList("ROLE_USER", SignedIn.ADMIN_AUTHORITY)
                    : AuthorityUtils.createAuthorityList("ROLE_USER");
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
        }

        /** Whether the claim (a string, space- or comma-separated, or a list) holds one of the comma-separated values. */
        static boolean hasValue(Object claim, String values) {
            List<String> wanted = List.of(values.split("\\s*,\\s*"));
            if (claim instanceof String s) {
                return List.of(s.strip().split("[ ,]+")).stream().anyMatch(wanted::contains);
            }
            if (claim instanceof Collection<?> held) {
                return held.stream().anyMatch(v -> wanted.contains(String.valueOf(v)));
            }
            return false;
        }
    }
}
