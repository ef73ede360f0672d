package app.tarjim.security;

/**
 * A valid API key's holder.
 *
 * @param limitName         the name its requests are counted under (never the key itself)
 * @param owner             owner recorded for what its calls create, and whose work they may read
 * @param admin             whether its calls may read everyone's work and the actuator
 * @param requestsPerMinute its rate limit
 * @param description       how errors name it, e.g. {@code key "ci" of alice}
 */
public record ApiKeyHolder(String limitName, String owner, boolean admin, int requestsPerMinute, String description) {
}
