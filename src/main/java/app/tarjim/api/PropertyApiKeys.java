package app.tarjim.api;

import app.tarjim.security.ApiCaller;
import app.tarjim.security.ApiKeyHolder;
import app.tarjim.security.ApiKeys;

import java.util.Optional;

/** Keys listed in {@code tarjim.api.keys} (mode none); none listed leaves the API open. */
public class PropertyApiKeys implements ApiKeys {

    private final ApiProperties properties;

    public PropertyApiKeys(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean required() {
        return properties.keysRequired();
    }

    @Override
    public Optional<ApiKeyHolder> find(String key) {
        if (key == null || !properties.keys().containsKey(key)) {
            return Optional.empty();
        }
        // Counted under the key itself, as before: the limiter lives in memory only.
        return Optional.of(new ApiKeyHolder(key, ApiCaller.ownerOfKey(key), false,
                properties.requestsPerMinute(key), "This API key"));
    }
}
