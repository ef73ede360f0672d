package app.tarjim.ui;

import app.tarjim.security.SignedIn;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Who "this browser" is, for history without accounts: a random id in a long-lived, HTTP-only cookie.
 * Anyone with the cookie sees the history, so it carries 128 random bits like a share token.
 */
public final class BrowserOwner {

    static final String COOKIE = "tarjim-owner";
    private static final String SESSION_KEY = BrowserOwner.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserOwner() {
    }

    public static String current() {
        Optional<SignedIn> user = SignedIn.current();
        if (user.isPresent()) {
            return user.get().owner();   // sign-in on: work belongs to the account, on any browser
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String known) {
            return known;
        }
        String owner = fromCookie();
        if (owner == null) {
            owner = newId();
            VaadinResponse response = VaadinResponse.getCurrent();
            if (response != null) {
                Cookie cookie = new Cookie(COOKIE, owner);
                cookie.setHttpOnly(true);
                cookie.setPath("/");
                cookie.setMaxAge(60 * 60 * 24 * 365);
                cookie.setAttribute("SameSite", "Lax");
                VaadinRequest request = VaadinRequest.getCurrent();
                cookie.setSecure(request != null && request.isSecure());
                response.addCookie(cookie);
            }
        }
        if (session != null) {
            session.setAttribute(SESSION_KEY, owner);
        }
        return owner;
    }

    /** Whether the current browser may open work recorded for {@code articleOwner}: its own, or any for an admin. */
    public static boolean mayRead(String articleOwner) {
        return SignedIn.current().map(user -> user.mayRead(articleOwner))
                .orElseGet(() -> articleOwner.equals(current()));
    }

    private static String fromCookie() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{22,64}")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
