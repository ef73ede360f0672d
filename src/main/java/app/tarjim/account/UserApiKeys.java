package app.tarjim.account;

import app.tarjim.security.ApiKeyHolder;
import app.tarjim.security.ApiKeys;
import app.tarjim.security.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys users make in settings (sign-in on). A key is {@code tj_} and 256 random bits; only its SHA-256 is
 * stored. A key works while it is not revoked and its account is enabled; each call counts against the key's
 * own per-minute limit and updates its last-used time (at most once a minute, so busy keys do not write on
 * every call).
 */
public class UserApiKeys implements ApiKeys {

    static final String PREFIX = "tj_";
    public static final int MAX_PER_MINUTE = 10_000;
    private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Instant> lastWritten = new ConcurrentHashMap<>();

    public UserApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public boolean ofAccounts() {
        return true;
    }

    @Override
    public Optional<ApiKeyHolder> find(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<Found> found = jdbc.sql("SELECT k.id, k.name, k.requests_per_minute, a.name AS account_name, a.admin "
                        + "FROM api_key k JOIN user_account a ON a.id = k.account_id "
                        + "WHERE k.key_hash = :hash AND k.revoked_at IS NULL AND a.enabled = TRUE")
                .param("hash", hash(key))
                .query((rs, row) -> new Found(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getInt("requests_per_minute"), rs.getString("account_name"), rs.getBoolean("admin")))
                .optional();
        found.ifPresent(this::touch);
        return found.map(f -> new ApiKeyHolder("key:" + f.id(), SignedIn.ownerOf(f.accountName()), f.admin(),
                f.perMinute(), "The API key \"" + f.name() + "\""));
    }

    /** Makes a key for the account; the returned secret is not kept anywhere. */
    public NewApiKey create(Account account, String name, int requestsPerMinute) {
        String keyName = name == null ? "" : name.strip();
        if (keyName.isEmpty() || keyName.length() > 100) {
            throw new AccountException("Give the key a name of 1 to 100 characters, e.g. the tool that will use it.");
        }
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_PER_MINUTE) {
            throw new AccountException("Requests per minute must be from 1 to " + MAX_PER_MINUTE + ".");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO api_key (id, account_id, name, key_hash, key_prefix, requests_per_minute, created_at) "
                        + "VALUES (:id, :account, :name, :hash, :prefix, :perMinute, :now)")
                .param("id", id).param("account", account.id()).param("name", keyName).param("hash", hash(secret))
                .param("prefix", secret.substring(0, 8)).param("perMinute", requestsPerMinute).param("now", now())
                .update();
        return new NewApiKey(find(id).orElseThrow(), secret);
    }

    /** The account's keys, newest first, revoked ones included. */
    public List<ApiKeyView> of(Account account) {
        return jdbc.sql(SELECT_VIEW + " WHERE k.account_id = :account ORDER BY k.created_at DESC")
                .param("account", account.id()).query(UserApiKeys::view).list();
    }

    public Optional<ApiKeyView> find(UUID id) {
        return jdbc.sql(SELECT_VIEW + " WHERE k.id = :id").param("id", id).query(UserApiKeys::view).optional();
    }

    /** Revokes a key of {@code account}; false when it has no such active key. */
    public boolean revoke(Account account, UUID id) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND account_id = :account "
                        + "AND revoked_at IS NULL")
                .param("now", now()).param("id", id).param("account", account.id()).update() == 1;
    }

    private void touch(Found found) {
        Instant now = clock.instant();
        Instant last = lastWritten.get(found.id());
        if (last != null && last.plus(LAST_USED_GRAIN).isAfter(now)) {
            return;
        }
        lastWritten.put(found.id(), now);
        jdbc.sql("UPDATE api_key SET last_used_at = :now WHERE id = :id").param("now", now())
                .param("id", found.id()).update();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final String SELECT_VIEW = "SELECT k.*, a.name AS account_name FROM api_key k "
            + "JOIN user_account a ON a.id = k.account_id";

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("account_name"), rs.getString("name"),
                rs.getString("key_prefix"), rs.getInt("requests_per_minute"), Accounts.instant(rs, "created_at"),
                Accounts.instant(rs, "last_used_at"), Accounts.instant(rs, "revoked_at"));
    }

    private record Found(UUID id, String name, int perMinute, String accountName, boolean admin) {
    }
}
