package app.tarjim.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * The person signed in to this request or Vaadin session, when sign-in is on. Work they create is recorded
 * under the owner {@code user:NAME}; admins (role ADMIN) may read everyone's.
 */
public record SignedIn(String name, boolean admin) {

    public static final String ADMIN_ROLE = "ADMIN";
    public static final String ADMIN_AUTHORITY = "ROLE_" + ADMIN_ROLE;
    private static final String OWNER_PREFIX = "user:";

    /** The signed-in user of the current thread (request or Vaadin session), if any. */
    public static Optional<SignedIn> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
        return Optional.of(new SignedIn(auth.getName(), admin));
    }

    /** The owner recorded for work of the user called {@code name}. */
    public static String ownerOf(String name) {
        return OWNER_PREFIX + name;
    }

    /** The user's name when {@code owner} is a signed-in user's (user key or session); null for browser cookies. */
    public static String nameOf(String owner) {
        return owner != null && owner.startsWith(OWNER_PREFIX) ? owner.substring(OWNER_PREFIX.length()) : null;
    }

    public String owner() {
        return ownerOf(name);
    }

    /** Whether this user may read work recorded for {@code owner}. */
    public boolean mayRead(String owner) {
        return admin || owner().equals(owner);
    }
}
