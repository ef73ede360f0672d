package app.tarjim.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every response. Set before the request is handled, so that they are there however the
 * response ends (errors, streamed exports). Pages that send a stricter policy of their own (the share page)
 * are left to it: two policies would both apply, and this one would add nothing.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * What the Vaadin client needs: its own scripts, inline bootstrap and {@code eval} ({@code executeJs}),
     * inline styles of its components, data/blob images and fonts, and XHR/WebSocket (push) to this origin.
     * No framing by other sites, no plugins, forms post only here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Paths whose handlers set a stricter policy themselves. */
    private static final String OWN_POLICY_PREFIX = "/s/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestPaths.routed(request).startsWith(OWN_POLICY_PREFIX)) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
