package app.tarjim.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The accounts table: adding, disabling, resetting, and the counts behind login lockout. */
public class Accounts {

    /** Names become part of owners ({@code user:NAME}) and appear in the audit log: plain characters only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public Accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    public Optional<Account> find(String name) {
        return jdbc.sql("SELECT * FROM user_account WHERE name = :name").param("name", name)
                .query(Accounts::account).optional();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("SELECT * FROM user_account WHERE id = :id").param("id", id)
                .query(Accounts::account).optional();
    }

    /** The stored hash of a local account's password, for Spring Security's check. */
    Optional<String> passwordHash(String name) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE name = :name AND source = 'local'")
                .param("name", name).query(String.class).optional();
    }

    public List<Account> list() {
        return jdbc.sql("SELECT * FROM user_account ORDER BY name").query(Accounts::account).list();
    }

    /** Adds a local account; the password is hashed here and never stored or logged as given. */
    @Transactional
    public Account addLocal(String name, char[] password, boolean admin) {
        checkName(name);
        String hash = encode(password);
        if (find(name).isPresent()) {
            throw new AccountException("There is already an account called " + name + ".");
        }
        return insert(name, hash, admin, Account.LOCAL);
    }

    /** The account of someone signing in through OIDC, made on first sign-in; its admin flag follows the provider. */
    @Transactional
    public Account signedInThroughOidc(String name, boolean admin) {
        Optional<Account> known = find(name);
        if (known.isEmpty()) {
            checkName(name);
            return insert(name, null, admin, Account.OIDC);
        }
        Account account = known.get();
        if (account.admin() != admin) {
            jdbc.sql("UPDATE user_account SET admin = :admin, updated_at = :now WHERE id = :id")
                    .param("admin", admin).param("now", now()).param("id", account.id()).update();
        }
        return find(name).orElseThrow();
    }

    public void setEnabled(String name, boolean enabled) {
        update(name, "enabled = :value, failed_logins = 0, locked_until = NULL", enabled);
    }

    public void setAdmin(String name, boolean admin) {
        update(name, "admin = :value", admin);
    }

    /** Sets a new password and lifts any lockout. */
    public void resetPassword(String name, char[] password) {
        Account account = find(name).orElseThrow(() -> new AccountException("There is no account called " + name + "."));
        if (!Account.LOCAL.equals(account.source())) {
            throw new AccountException(name + " signs in through the identity provider and has no password here.");
        }
        update(name, "password_hash = :value, failed_logins = 0, locked_until = NULL", encode(password));
    }

    /** Counts a wrong password; the account is locked for {@code lockout} once {@code maxFailures} come in a row. */
    public void loginFailed(String name, int maxFailures, Duration lockout) {
        jdbc.sql("UPDATE user_account SET failed_logins = failed_logins + 1, updated_at = :now WHERE name = :name")
                .param("now", now()).param("name", name).update();
        jdbc.sql("UPDATE user_account SET locked_until = :until, failed_logins = 0 "
                        + "WHERE name = :name AND failed_logins >= :max")
                .param("until", OffsetDateTime.ofInstant(clock.instant().plus(lockout), ZoneOffset.UTC))
                .param("name", name).param("max", maxFailures).update();
    }

    public void loginSucceeded(String name) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login_at = :now "
                + "WHERE name = :name").param("now", now()).param("name", name).update();
    }

    Instant instant() {
        return clock.instant();
    }

    private Account insert(String name, String hash, boolean admin, String source) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO user_account (id, name, password_hash, admin, enabled, source, failed_logins, "
                        + "created_at, updated_at) VALUES (:id, :name, :hash, :admin, TRUE, :source, 0, :now, :now)")
                .param("id", id).param("name", name).param("hash", hash).param("admin", admin)
                .param("source", source).param("now", now).update();
        return find(id).orElseThrow();
    }

    private void update(String name, String assignments, Object value) {
        int rows = jdbc.sql("UPDATE user_account SET " + assignments + ", updated_at = :now WHERE name = :name")
                .param("value", value).param("now", now()).param("name", name).update();
        if (rows == 0) {
            throw new AccountException("There is no account called " + name + ".");
        }
    }

    private String encode(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        return encoder.encode(java.nio.CharBuffer.wrap(password));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException("An account name is 1 to 100 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("admin"),
                rs.getBoolean("enabled"), rs.getString("source"), rs.getInt("failed_logins"),
                instant(rs, "locked_until"), instant(rs, "last_login_at"), instant(rs, "created_at"));
    }
}
