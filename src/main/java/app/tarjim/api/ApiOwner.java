package app.tarjim.api;

import app.tarjim.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/** The owner recorded for articles made through the API (see {@link ApiCaller#ownerOf}). */
final class ApiOwner {

    private ApiOwner() {
    }

    static String of(HttpServletRequest request) {
        return ApiCaller.ownerOf(request);
    }
}
