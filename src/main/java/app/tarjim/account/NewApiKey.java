package app.tarjim.account;

/** A key just made: {@code secret} is the only time the key is available in full. */
public record NewApiKey(ApiKeyView key, String secret) {
}
