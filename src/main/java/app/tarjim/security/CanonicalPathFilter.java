package app.tarjim.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Refuses request paths that are not written the one plain way (400), as Spring Security's strict firewall
 * does: path parameters ({@code ;x}), percent-encoded letters, digits, dots, slashes, backslashes or percent
 * signs, empty segments ({@code //}), dot segments ({@code /./}, {@code /../}) and control characters.
 * Every such spelling routes to the same handler as its plain form, so allowing them only gives guards that
 * look at the path more ways to be wrong. Encoded non-ASCII (Arabic in a path) and spaces stay allowed.
 */
public class CanonicalPathFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public CanonicalPathFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problemWith(request.getRequestURI());
        if (problem.isPresent()) {
            Problems.write(json, response, HttpStatus.BAD_REQUEST, "Request path not accepted",
                    "The address " + problem.get() + "; write it without it.", null);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw request URI (path only, as sent), or empty when it is canonical. */
    static Optional<String> problemWith(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("has a path parameter (;)");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("has a backslash");
        }
        if (rawPath.contains("//")) {
            return Optional.of("has an empty segment (//)");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("has a dot segment (/./ or /../)");
            }
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("has a control character");
            }
            if (c == '%') {
                int decoded = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return Optional.of("has a malformed percent escape");
                }
                if (mustNotBeEncoded(decoded)) {
                    return Optional.of("has a percent-encoded '" + printable(decoded) + "'");
                }
                i += 2;
            }
        }
        return Optional.empty();
    }

    /** Characters whose encoded form is never needed (unreserved) or changes routing (/ \ ; %), and controls. */
    private static boolean mustNotBeEncoded(int b) {
        return b < 0x20 || b == 0x7f
                || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~' || b == '/' || b == '\\' || b == ';' || b == '%';
    }

    private static String printable(int b) {
        return b < 0x20 || b == 0x7f ? String.format("\\x%02x", b) : String.valueOf((char) b);
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
