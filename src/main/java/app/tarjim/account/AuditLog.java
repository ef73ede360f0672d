package app.tarjim.account;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who translated, shared, revoked, or changed keys and accounts, and when. Written as things happen, read by
 * admins in the admin page and as CSV. Actors are account names ({@code -} for no one signed in).
 */
public class AuditLog {

    public static final String TRANSLATED = "translated";
    public static final String SHARED = "shared";
    /** A batch of articles queued (page or API); the subject is the batch id. */
    public static final String BATCH_STARTED = "batch-started";
    public static final String REVOKED_SHARE = "revoked-share";
    public static final String KEY_CREATED = "key-created";
    public static final String KEY_REVOKED = "key-revoked";
    public static final String USER_ADDED = "user-added";
    public static final String USER_DISABLED = "user-disabled";
    public static final String USER_ENABLED = "user-enabled";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String ADMIN_CHANGED = "admin-changed";
    public static final String SIGNED_IN = "signed-in";
    public static final String SIGN_IN_FAILED = "sign-in-failed";
    public static final String LOCKED_OUT = "locked-out";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean signIn;

    /** @param signIn whether sign-in is on; without it work is not logged (no one could read the log) */
    public AuditLog(JdbcClient jdbc, Clock clock, boolean signIn) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signIn = signIn;
    }

    /**
     * Records work (translating, sharing, revoking) done for {@code owner}: {@code user:NAME} is logged as
     * NAME, other owners (API keys of mode none) as they are. Nothing is written in mode none.
     */
    public void recordWork(String owner, String action, String subject, String detail) {
        if (signIn) {
            record(owner.startsWith("user:") ? owner.substring(5) : owner, action, subject, detail);
        }
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("INSERT INTO audit_event (at, actor, action, subject, detail) VALUES (:at, :actor, :action, "
                        + ":subject, :detail)")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", clip(actor == null ? "-" : actor, 128)).param("action", action)
                .param("subject", subject == null ? null : clip(subject, 200))
                .param("detail", detail == null ? null : clip(detail, 1000)).update();
    }

    public void record(String actor, String action, UUID subject) {
        record(actor, action, subject.toString(), null);
    }

    /** The newest events first, at most {@code limit}. */
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query((rs, row) -> new AuditEvent(rs.getLong("id"), Accounts.instant(rs, "at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail")))
                .list();
    }

    /** Every event, oldest first, as CSV with a header row. */
    public void writeCsv(Appendable out) throws IOException {
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("id", "at", "actor", "action", "subject", "detail")
                .get().print(out)) {
            jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(rs -> {
                try {
                    csv.printRecord(rs.getLong("id"), Accounts.instant(rs, "at"), cell(rs.getString("actor")),
                            rs.getString("action"), cell(rs.getString("subject")), cell(rs.getString("detail")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Text a spreadsheet would run as a formula (=, +, -, @ first) starts with ' instead. */
    static String cell(String value) {
        if (value == null || value.isEmpty() || value.equals("-")) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
