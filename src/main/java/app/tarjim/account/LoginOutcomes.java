package app.tarjim.account;

import app.tarjim.security.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** Counts wrong passwords towards lockout, clears the count on success, and writes both to the audit log. */
class LoginOutcomes {

    private final Accounts accounts;
    private final AuditLog audit;
    private final SecurityProperties.Login limits;

    LoginOutcomes(Accounts accounts, AuditLog audit, SecurityProperties.Login limits) {
        this.accounts = accounts;
        this.audit = audit;
        this.limits = limits;
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.find(name).ifPresent(account -> {
            accounts.loginFailed(name, limits.maxFailures(), limits.lockout());
            audit.record(name, AuditLog.SIGN_IN_FAILED, name, "wrong password");
            if (accounts.find(name).map(a -> a.lockedAt(accounts.instant())).orElse(false)) {
                audit.record(name, AuditLog.LOCKED_OUT, name, "locked for " + limits.lockout());
            }
        });
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        if (accounts.find(name).isPresent()) {
            accounts.loginSucceeded(name);
            audit.record(name, AuditLog.SIGNED_IN, name, null);
        }
    }
}
