package app.tarjim.account;

import java.time.Instant;

/** One line of the audit log: who did what to what, when. */
public record AuditEvent(long id, Instant at, String actor, String action, String subject, String detail) {
}
