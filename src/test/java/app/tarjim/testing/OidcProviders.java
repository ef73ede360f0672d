package app.tarjim.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real OpenID Connect provider (mock-oauth2-server) for the oidc-mode tests, and the app pointed at it. */
public final class OidcProviders {

    public static final String CLIENT = "tarjim-client";

    private OidcProviders() {
    }

    /**
     * @param interactive its /authorize shows a form (username becomes sub, plus optional JSON claims) instead of
     *                    signing in at once
     */
    public static MockOAuth2Server started(boolean interactive) {
        MockOAuth2Server provider = interactive ? new MockOAuth2Server(new OAuth2Config(true)) : new MockOAuth2Server();
        provider.start();
        return provider;
    }

    /** {@code tarjim.security.mode=oidc} with the provider's issuer and this client. */
    public static void signInThrough(MockOAuth2Server provider, DynamicPropertyRegistry registry) {
        registry.add("tarjim.security.mode", () -> "oidc");
        registry.add("tarjim.security.oidc.issuer-uri", () -> provider.issuerUrl("default").toString());
        registry.add("tarjim.security.oidc.client-id", () -> CLIENT);
        registry.add("tarjim.security.oidc.client-secret", () -> "secret");
    }
}
