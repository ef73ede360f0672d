package app.tarjim.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses writes (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another site: a page elsewhere
 * can post a form or a multipart upload here without any CORS preflight, and on an open instance it would be
 * accepted. A request counts as cross-site when its {@code Origin} is neither this server nor one of
 * {@code tarjim.security.allowed-origins}, or when it has no Origin but the browser marks it
 * {@code Sec-Fetch-Site: cross-site}. Clients that are not browsers (scripts, Mastodon, curl) send neither
 * header and are unaffected.
 */
public class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;
    private final ObjectMapper json;

    public CrossOriginWriteFilter(Set<String> allowedOrigins, ObjectMapper json) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossOriginWriteFilter::normalise).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean crossSite = origin != null
                ? !sameOrigin(origin, request) && !allowedOrigins.contains(normalise(origin))
                : "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        if (crossSite) {
            Problems.write(json, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
                    "This server does not accept changes sent from pages of another site ("
                            + (origin == null ? "unknown origin" : origin) + "). An administrator can allow an "
                            + "origin with tarjim.security.allowed-origins.", null);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The Origin names this server as the browser reached it (scheme, host and port of the request). */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getServerName()
                + (defaultPort(request.getScheme(), request.getServerPort()) ? "" : ":" + request.getServerPort());
        return normalise(origin).equals(normalise(own));
    }

    private static boolean defaultPort(String scheme, int port) {
        return ("http".equalsIgnoreCase(scheme) && port == 80) || ("https".equalsIgnoreCase(scheme) && port == 443);
    }

    /** scheme://host[:port] in lower case without default port or trailing slash; "null" stays "null". */
    static String normalise(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            int port = uri.getPort();
            return uri.getScheme() + "://" + uri.getHost()
                    + (port < 0 || defaultPort(uri.getScheme(), port) ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }
}
