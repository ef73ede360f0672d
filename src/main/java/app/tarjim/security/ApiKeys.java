package app.tarjim.security;

import java.util.Optional;

/**
 * Where API keys come from: {@code tarjim.api.keys} in mode none, keys users made in the app when sign-in is
 * on. Both the {@code /api} filter and the LibreTranslate paths ask this one source.
 */
public interface ApiKeys {

    /** True when a call must carry a valid key; false leaves the API open (mode none without keys). */
    boolean required();

    /** True when keys belong to user accounts (sign-in on): then the actuator wants an admin's key. */
    default boolean ofAccounts() {
        return false;
    }

    /** Who holds this key, or empty when it is not a valid key (unknown, revoked, its user disabled). */
    Optional<ApiKeyHolder> find(String key);
}
