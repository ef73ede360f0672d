package app.tarjim.account;

import app.tarjim.api.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sign-in attempts (POST /login) one client address may make a minute; past that it is sent back to the login
 * page told to wait, and its password is not checked, so passwords cannot be guessed at speed from one place.
 * Guessing from many places is met by the per-account lockout.
 */
class LoginThrottle extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final int perMinute;

    LoginThrottle(RateLimiter limiter, int perMinute) {
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equalsIgnoreCase(request.getMethod()) && "/login".equals(request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = limiter.acquire(request.getRemoteAddr(), perMinute);
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            response.sendRedirect(request.getContextPath() + "/login?slow=" + wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
