package app.tarjim.pipeline.models;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables huggingface_hub and curl honour, which Java ignores unless told:
 * {@code HF_TOKEN}, {@code HF_ENDPOINT}, {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}
 * (each also in lower case, which wins as it does for curl).
 */
public record HubEnvironment(Map<String, String> variables) {

    public HubEnvironment {
        variables = Map.copyOf(variables);
    }

    public static HubEnvironment system() {
        return new HubEnvironment(System.getenv());
    }

    /** {@code HF_TOKEN}, sent as {@code Authorization: Bearer}; empty when unset or blank. */
    public Optional<String> token() {
        return value("HF_TOKEN");
    }

    /**
     * The hub to use: a configured URL other than the default wins (it was set on purpose); otherwise
     * {@code HF_ENDPOINT} when set, as huggingface_hub does; otherwise the configured one.
     */
    public URI endpoint(URI configured) {
        boolean isDefault = configured == null
                || stripSlash(configured.toString()).equals(DownloadSettings.HUGGING_FACE.toString());
        if (isDefault) {
            Optional<String> fromEnv = value("HF_ENDPOINT");
            if (fromEnv.isPresent()) {
                return URI.create(stripSlash(fromEnv.get()));
            }
        }
        return configured == null ? DownloadSettings.HUGGING_FACE : configured;
    }

    public Optional<String> httpsProxy() {
        return value("https_proxy").or(() -> value("HTTPS_PROXY"));
    }

    public Optional<String> httpProxy() {
        return value("http_proxy").or(() -> value("HTTP_PROXY"));
    }

    public Optional<String> noProxy() {
        return value("no_proxy").or(() -> value("NO_PROXY"));
    }

    private Optional<String> value(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String stripSlash(String url) {
        return url.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }
}
