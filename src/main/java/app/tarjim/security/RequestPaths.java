package app.tarjim.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The path a request is routed by, as the servlet container decoded and normalised it (path parameters
 * removed, {@code %61} decoded, dot segments resolved), never the raw request URI, which a caller can
 * spell in many ways that all reach the same handler.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The decoded, normalised path inside the application, e.g. {@code /api/v1/translate}. */
    public static String routed(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /** True when the routed path is {@code prefix} or lies under it, ignoring case (routing may not, guards must). */
    public static boolean isUnder(HttpServletRequest request, String prefix) {
        String path = routed(request).toLowerCase(Locale.ROOT);
        String base = prefix.toLowerCase(Locale.ROOT);
        return path.equals(base) || path.startsWith(base.endsWith("/") ? base : base + "/");
    }
}
